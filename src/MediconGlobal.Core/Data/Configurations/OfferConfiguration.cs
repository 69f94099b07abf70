using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.Property(o => o.Name).HaveName();
        builder.Property(o => o.Description).HasMaxLength(Offer.DescriptionMaxLength);
        builder.Property(o => o.CostDetails).HasMaxLength(Offer.DetailsMaxLength);
        builder.Property(o => o.HowToApply).HasMaxLength(Offer.HowToApplyMaxLength);
        builder.Property(o => o.Dates).HasMaxLength(Offer.DetailsMaxLength);
        builder.Property(o => o.ContactName).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Property(o => o.ContactEmail).HasMaxLength(ModelBuilderExtensions.EmailLength);
        builder.Property(o => o.ContactPhone).HasMaxLength(50);
        builder.Property(o => o.Website).HasMaxLength(ModelBuilderExtensions.UrlLength);
        builder.Property(o => o.RequiredDocuments).HasMaxLength(Offer.RequiredDocumentsMaxLength);
        builder.Ignore(o => o.RequiredDocumentList);
        builder.Property(o => o.LastReviewedByUserId).HasMaxLength(ModelBuilderExtensions.UserIdLength);
        builder.Property(o => o.LastReviewedByEmail).HasMaxLength(ModelBuilderExtensions.EmailLength);
        builder.Property(o => o.SeedKey).HasMaxLength(ModelBuilderExtensions.CodeLength);
        builder.Property(o => o.SearchText).HasMaxLength(8400).IsRequired();
        builder.HasIndex(o => o.SeedKey).IsUnique();
        builder.HasIndex(o => new { o.Status, o.CategoryId });
        builder.HasIndex(o => o.ProviderId);
        builder.HasIndex(o => o.ProgrammeId);
        builder.HasIndex(o => o.CategoryId);
        builder.HasIndex(o => o.LastReviewedAt);
        builder.HasIndex(o => o.ContentChangedAt);
        builder.HasOne(o => o.Provider).WithMany(p => p.Offers).HasForeignKey(o => o.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Programme).WithMany().HasForeignKey(o => o.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Category).WithMany().HasForeignKey(o => o.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Terms).WithOne().HasForeignKey(t => t.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.AuditFields();
    }
}

internal sealed class OfferTermConfiguration : IEntityTypeConfiguration<OfferTerm>
{
    public void Configure(EntityTypeBuilder<OfferTerm> builder)
    {
        builder.HasKey(t => new { t.OfferId, t.TermId });
        builder.HasIndex(t => t.TermId);
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}
