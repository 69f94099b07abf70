using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class TaxonomyTermConfiguration : IEntityTypeConfiguration<TaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<TaxonomyTerm> builder)
    {
        builder.Property(t => t.Code).HaveCode();
        builder.Property(t => t.Name).HaveName();
        builder.Property(t => t.NameSv).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Property(t => t.NameDa).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Ignore(t => t.IsRetired);
        builder.Property(t => t.Description).HasMaxLength(TaxonomyTerm.DescriptionMaxLength);
        builder.Property(t => t.CountryCode).HasMaxLength(2);
        builder.Property(t => t.SearchText).HaveName();
        builder.Ignore(t => t.Labels);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.Kind, t.Code }).IsUnique();
        builder.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.AuditFields();
    }
}
