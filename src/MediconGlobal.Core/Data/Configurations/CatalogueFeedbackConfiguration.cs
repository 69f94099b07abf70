using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> builder)
    {
        builder.Property(c => c.Message).HasMaxLength(CorrectionRequest.MessageLength).IsRequired();
        builder.Property(c => c.ReporterName).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Property(c => c.ReporterEmail).HasMaxLength(ModelBuilderExtensions.EmailLength);
        builder.Property(c => c.SubmittedByUserId).HasMaxLength(ModelBuilderExtensions.UserIdLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Response).HasMaxLength(CorrectionRequest.MessageLength);
        builder.Property(c => c.AnsweredByName).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.HasIndex(c => new { c.OrganisationId, c.Status });
        builder.HasIndex(c => c.OfferId);
        builder.HasIndex(c => c.SubmittedAt); // the notification feed's window (migration 20270110000001)
        builder.HasOne(c => c.Offer).WithMany().HasForeignKey(c => c.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.AuditFields();
    }
}

internal sealed class ShortlistItemConfiguration : IEntityTypeConfiguration<ShortlistItem>
{
    public void Configure(EntityTypeBuilder<ShortlistItem> builder)
    {
        builder.Property(s => s.UserId).HaveUserId();
        builder.HasIndex(s => new { s.UserId, s.OfferId }).IsUnique();
        builder.HasIndex(s => s.OfferId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Offer).WithMany().HasForeignKey(s => s.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompanyCorrectionConfiguration : IEntityTypeConfiguration<CompanyCorrection>
{
    public void Configure(EntityTypeBuilder<CompanyCorrection> builder)
    {
        builder.Property(c => c.Message).HasMaxLength(CompanyCorrection.MessageLength).IsRequired();
        builder.Property(c => c.ProposedByUserId).HaveUserId();
        builder.Property(c => c.ProposedByName).HasMaxLength(ModelBuilderExtensions.NameLength).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Response).HasMaxLength(CompanyCorrection.MessageLength);
        builder.Property(c => c.AnsweredByUserId).HasMaxLength(ModelBuilderExtensions.UserIdLength);
        builder.Property(c => c.AnsweredByName).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.HasIndex(c => new { c.CompanyId, c.Status });

        // The notification feed's windows (migration 20270110000001).
        builder.HasIndex(c => c.ProposedAt);
        builder.HasIndex(c => c.AnsweredAt);
        builder.HasOne(c => c.Company).WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.AuditFields();
    }
}
