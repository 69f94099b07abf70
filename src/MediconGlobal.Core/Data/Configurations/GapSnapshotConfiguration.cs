using MediconGlobal.Core.Reports.Gaps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class GapSnapshotConfiguration : IEntityTypeConfiguration<GapSnapshot>
{
    public void Configure(EntityTypeBuilder<GapSnapshot> builder)
    {
        builder.Property(s => s.Title).HaveName();
        builder.Property(s => s.Comment).HasMaxLength(GapSnapshot.CommentMaxLength);
        builder.Property(s => s.Rows).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Columns).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.ReportJson).IsRequired();
        builder.Property(s => s.SavedByUserId).HaveUserId();
        builder.Property(s => s.SavedByName).HaveName();
        builder.HasIndex(s => s.SavedAt);
        builder.AuditFields();
    }
}
