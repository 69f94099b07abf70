using MediconGlobal.Core.Catalogue.FoundNothing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class EmptySearchTallyConfiguration : IEntityTypeConfiguration<EmptySearchTally>
{
    public void Configure(EntityTypeBuilder<EmptySearchTally> builder)
    {
        builder.ToTable("EmptySearchTallies");
        builder.Property(t => t.Key).HasMaxLength(EmptySearchTally.KeyMaxLength).IsRequired();
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Phrase).HasMaxLength(SearchPhrase.MaxLength);

        // The upsert counts on the one row of a key (ADR 1779); the report and the day's caps read by day.
        builder.HasIndex(t => t.Key).IsUnique();
        builder.HasIndex(t => t.Day);
    }
}
