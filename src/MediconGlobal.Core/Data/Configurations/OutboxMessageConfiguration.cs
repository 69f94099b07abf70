using MediconGlobal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.To).HasMaxLength(ModelBuilderExtensions.EmailLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectLength).IsRequired();
        builder.Property(m => m.Mime).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorLength);

        // The sender's query: unsent messages that are due, oldest first.
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
