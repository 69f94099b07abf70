using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.Property(s => s.UserId).HaveUserId();
        builder.Property(s => s.Name).HasMaxLength(SavedSearch.NameLength).IsRequired();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Criteria).HasMaxLength(SavedSearch.CriteriaLength).IsRequired();
        builder.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.UnsubscribeToken).HasMaxLength(SavedSearch.TokenLength).IsRequired();
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.UnsubscribeToken).IsUnique();

        // The alert job's query: searches with alerts on.
        builder.HasIndex(s => new { s.Frequency, s.AlertsCheckedUpTo });

        // Saved searches are personal data: they go with the account (ADR 1760).
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.AuditFields();
    }
}

internal sealed class SavedSearchAlertConfiguration : IEntityTypeConfiguration<SavedSearchAlert>
{
    public void Configure(EntityTypeBuilder<SavedSearchAlert> builder)
    {
        // One e-mail per saved search and offer version, whichever portal instance sends it (ADR 1760).
        builder.HasIndex(a => new { a.SavedSearchId, a.OfferId, a.OfferVersion }).IsUnique();
        builder.HasIndex(a => a.OfferId);
        builder.HasOne<SavedSearch>().WithMany().HasForeignKey(a => a.SavedSearchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Offer>().WithMany().HasForeignKey(a => a.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}
