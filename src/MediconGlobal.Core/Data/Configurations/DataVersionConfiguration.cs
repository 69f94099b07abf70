using MediconGlobal.Core.Data.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersionRow>
{
    public void Configure(EntityTypeBuilder<DataVersionRow> builder)
    {
        builder.ToTable("DataVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
    }

    /// <summary>
    /// Tells EF which tables have triggers (those of <see cref="DataVersionTriggers"/>, <see cref="CaseworkVersion"/> and the offers' text index),
    /// so it saves to them without SQLite's RETURNING or SQL Server's OUTPUT clause, which triggers break.
    /// </summary>
    public static void DeclareTriggers(ModelBuilder builder, IEnumerable<(string Table, string Trigger)> others)
    {
        var triggers = DataVersionTriggers.Triggers.Select(t => (t.Table, Trigger: DataVersionTriggers.NameOf(t)))
            .Concat(CaseworkVersion.Triggers.Select(t => (t.Table, Trigger: CaseworkVersion.NameOf(t))))
            .Concat(others);
        foreach (var table in triggers.GroupBy(t => t.Table))
        {
            foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.GetTableName() == table.Key).ToList())
            {
                builder.Entity(entity.Name).ToTable(table.Key, t =>
                {
                    t.UseSqlReturningClause(false);
                    foreach (var (_, trigger) in table)
                    {
                        t.HasTrigger(trigger);
                    }
                });
            }
        }
    }
}
