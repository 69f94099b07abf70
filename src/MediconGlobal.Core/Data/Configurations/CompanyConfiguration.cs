using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Name).HaveName();
        builder.Property(c => c.OrganisationNumber).HasMaxLength(20);
        builder.Property(c => c.CountryCode).HasMaxLength(2).IsRequired();
        builder.Property(c => c.Website).HasMaxLength(ModelBuilderExtensions.UrlLength);
        builder.Property(c => c.Description).HasMaxLength(Company.DescriptionMaxLength);
        builder.Property(c => c.SearchText).HasMaxLength(ModelBuilderExtensions.NameLength + 30).IsRequired();
        builder.HasIndex(c => c.HomeIncubatorId);
        builder.HasIndex(c => new { c.CountryCode, c.OrganisationNumber });
        builder.HasIndex(c => c.SearchText);
        builder.HasIndex(c => c.RegionId);
        builder.HasIndex(c => c.SectorId);
        builder.HasIndex(c => c.StageId);
        builder.HasOne(c => c.Region).WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Sector).WithMany().HasForeignKey(c => c.SectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Stage).WithMany().HasForeignKey(c => c.StageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.HomeIncubator).WithMany().HasForeignKey(c => c.HomeIncubatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Terms).WithOne().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Advisors).WithOne().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.ConsentRecords).WithOne(r => r.Company).HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Needs).WithOne(n => n.Company).HasForeignKey(n => n.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.AuditFields();
    }
}

internal sealed class CompanyTermConfiguration : IEntityTypeConfiguration<CompanyTerm>
{
    public void Configure(EntityTypeBuilder<CompanyTerm> builder)
    {
        builder.HasKey(t => new { t.CompanyId, t.TermId });
        builder.HasIndex(t => t.TermId);
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CompanyAdvisorConfiguration : IEntityTypeConfiguration<CompanyAdvisor>
{
    public void Configure(EntityTypeBuilder<CompanyAdvisor> builder)
    {
        builder.HasKey(a => new { a.CompanyId, a.UserId });
        builder.Property(a => a.UserId).HaveUserId();
        builder.HasIndex(a => a.UserId);
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.Property(r => r.Purpose).HasMaxLength(ConsentRecord.PurposeMaxLength).IsRequired();
        builder.Property(r => r.RecordedByUserId).HaveUserId();
        builder.Property(r => r.RecordedByName).HaveName();
        builder.HasIndex(r => new { r.CompanyId, r.RecordedAt });
        builder.HasIndex(r => r.RecordedAt); // the notification feed's window (migration 20270110000001)
    }
}

internal sealed class CompanyNoteConfiguration : IEntityTypeConfiguration<CompanyNote>
{
    public void Configure(EntityTypeBuilder<CompanyNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(CompanyNote.TextMaxLength).IsRequired();
        builder.Property(n => n.AuthorUserId).HaveUserId();
        builder.Property(n => n.AuthorName).HaveName();
        builder.HasIndex(n => new { n.CompanyId, n.CreatedAt });
    }
}
