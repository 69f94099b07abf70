using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.Property(p => p.Name).HaveName();
        builder.Property(p => p.Description).HasMaxLength(Programme.TextMaxLength);
        builder.Property(p => p.Funder).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Property(p => p.ReferenceNumber).HasMaxLength(ModelBuilderExtensions.CodeLength);
        builder.Property(p => p.TargetGroup).HasMaxLength(Programme.ShortTextMaxLength);
        builder.Property(p => p.Geography).HasMaxLength(Programme.ShortTextMaxLength);
        builder.Property(p => p.Activities).HasMaxLength(Programme.TextMaxLength);
        builder.Property(p => p.LessonsLearned).HasMaxLength(Programme.TextMaxLength);
        builder.Property(p => p.Links).HasMaxLength(Programme.LinksMaxLength);
        builder.Property(p => p.SeedKey).HasMaxLength(ModelBuilderExtensions.CodeLength);
        builder.Property(p => p.SearchText).HasMaxLength(8400).IsRequired();
        builder.Ignore(p => p.FundingAmount);
        builder.HasIndex(p => p.Name);
        builder.HasIndex(p => p.SeedKey).IsUnique();
        builder.HasIndex(p => p.LeadOrganisationId);
        builder.HasIndex(p => p.FunderOrganisationId);
        builder.HasOne(p => p.LeadOrganisation).WithMany().HasForeignKey(p => p.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.FunderOrganisation).WithMany().HasForeignKey(p => p.FunderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Partners).WithOne().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Indicators).WithOne().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.AuditFields();
    }
}

internal sealed class ProgrammePartnerConfiguration : IEntityTypeConfiguration<ProgrammePartner>
{
    public void Configure(EntityTypeBuilder<ProgrammePartner> builder)
    {
        builder.HasKey(p => new { p.ProgrammeId, p.OrganisationId });
        builder.Property(p => p.Role).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.HasIndex(p => p.OrganisationId);
        builder.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgrammeIndicatorConfiguration : IEntityTypeConfiguration<ProgrammeIndicator>
{
    public void Configure(EntityTypeBuilder<ProgrammeIndicator> builder)
    {
        builder.Property(i => i.Metric).HasMaxLength(500).IsRequired();
        builder.Property(i => i.Notes).HasMaxLength(ProgrammeIndicator.NotesMaxLength);
        builder.Property(i => i.Funnel).HasMaxLength(ModelBuilderExtensions.NameLength);
    }
}
