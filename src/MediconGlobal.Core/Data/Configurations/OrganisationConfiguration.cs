using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HaveName();
        builder.Property(o => o.CountryCode).HasMaxLength(2).IsRequired();
        builder.Property(o => o.Website).HasMaxLength(ModelBuilderExtensions.UrlLength);
        builder.Property(o => o.Description).HasMaxLength(Organisation.DescriptionMaxLength);
        builder.Property(o => o.CollaborationNeeds).HasMaxLength(Organisation.CollaborationNeedsMaxLength);
        builder.Property(o => o.SeedKey).HasMaxLength(ModelBuilderExtensions.CodeLength);
        builder.Property(o => o.SearchText).HasMaxLength(8400).IsRequired();
        builder.HasIndex(o => o.Name);
        builder.HasIndex(o => o.SeedKey).IsUnique();
        builder.HasIndex(o => new { o.Type, o.CountryCode });
        builder.HasIndex(o => o.RegionId);
        builder.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Terms).WithOne().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.PartnershipHistory).WithOne(h => h.Organisation).HasForeignKey(h => h.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.AuditFields();
    }
}

internal sealed class OrganisationMergeConfiguration : IEntityTypeConfiguration<OrganisationMerge>
{
    public void Configure(EntityTypeBuilder<OrganisationMerge> builder)
    {
        builder.Property(m => m.MergedName).HaveName();
        builder.Property(m => m.MergedSeedKey).HasMaxLength(ModelBuilderExtensions.CodeLength);
        builder.Property(m => m.FieldsTaken).HasMaxLength(OrganisationMerge.FieldsTakenMaxLength).IsRequired();
        builder.Property(m => m.MergedByUserId).HaveUserId();
        builder.Property(m => m.MergedByName).HaveName();
        builder.HasIndex(m => m.SurvivorId);
        builder.HasIndex(m => m.MergedId);
    }
}

internal sealed class OrganisationTermConfiguration : IEntityTypeConfiguration<OrganisationTerm>
{
    public void Configure(EntityTypeBuilder<OrganisationTerm> builder)
    {
        builder.HasKey(t => new { t.OrganisationId, t.TermId });
        builder.HasIndex(t => t.TermId);
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationContactConfiguration : IEntityTypeConfiguration<OrganisationContact>
{
    public void Configure(EntityTypeBuilder<OrganisationContact> builder)
    {
        builder.Property(c => c.Name).HaveName();
        builder.Property(c => c.Role).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Property(c => c.Email).HasMaxLength(ModelBuilderExtensions.EmailLength);
        builder.Property(c => c.Phone).HasMaxLength(50);
    }
}

internal sealed class PartnershipStatusChangeConfiguration : IEntityTypeConfiguration<PartnershipStatusChange>
{
    public void Configure(EntityTypeBuilder<PartnershipStatusChange> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(PartnershipStatusChange.NoteMaxLength);
        builder.Property(c => c.ChangedByUserId).HaveUserId();
        builder.Property(c => c.ChangedByName).HaveName();
        builder.HasIndex(c => new { c.OrganisationId, c.ChangedAt });
    }
}
