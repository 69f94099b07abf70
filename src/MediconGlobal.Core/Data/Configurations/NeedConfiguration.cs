using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.Property(n => n.Description).HasMaxLength(Need.DescriptionMaxLength).IsRequired();
        builder.Property(n => n.LoggedByUserId).HaveUserId();
        builder.Property(n => n.LoggedByName).HaveName();
        builder.Property(n => n.ClosingNote).HasMaxLength(Need.ClosingNoteMaxLength);
        builder.HasIndex(n => new { n.CompanyId, n.Status });
        builder.HasIndex(n => new { n.CategoryId, n.MarketId });
        builder.HasIndex(n => n.MarketId);
        builder.HasIndex(n => n.LoggedAt);
        builder.HasIndex(n => n.RequestedOfferId);
        builder.HasOne(n => n.Category).WithMany().HasForeignKey(n => n.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Market).WithMany().HasForeignKey(n => n.MarketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offer>().WithMany().HasForeignKey(n => n.RequestedOfferId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(n => n.StatusHistory).WithOne(h => h.Need).HasForeignKey(h => h.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Referrals).WithOne(r => r.Need).HasForeignKey(r => r.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.AuditFields();
    }
}

internal sealed class NeedStatusChangeConfiguration : IEntityTypeConfiguration<NeedStatusChange>
{
    public void Configure(EntityTypeBuilder<NeedStatusChange> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(NeedStatusChange.NoteMaxLength);
        builder.Property(c => c.ChangedByUserId).HaveUserId();
        builder.Property(c => c.ChangedByName).HaveName();
        builder.HasIndex(c => new { c.NeedId, c.ChangedAt });
        builder.HasIndex(c => c.ChangedAt);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Message).HasMaxLength(Referral.TextMaxLength);
        builder.Property(r => r.SentByUserId).HaveUserId();
        builder.Property(r => r.SentByName).HaveName();
        builder.Property(r => r.AnsweredByUserId).HasMaxLength(ModelBuilderExtensions.UserIdLength);
        builder.Property(r => r.AnsweredByName).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Property(r => r.Answer).HasMaxLength(Referral.TextMaxLength);
        builder.Property(r => r.CompletedByUserId).HasMaxLength(ModelBuilderExtensions.UserIdLength);
        builder.Property(r => r.CompletedByName).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Property(r => r.Outcome).HasMaxLength(Referral.TextMaxLength);
        builder.Property(r => r.Feedback).HasMaxLength(Referral.TextMaxLength);
        builder.Property(r => r.ExternalContactEmail).HasMaxLength(ModelBuilderExtensions.EmailLength);
        builder.Ignore(r => r.IsActive);

        // The founder's confirmation and the follow-up (issue 19 items 3 and 4, ADR 1776/1777); enums by name.
        builder.Property(r => r.FounderConfirmation).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.FounderComment).HasMaxLength(Referral.FounderTextMaxLength);
        builder.Property(r => r.FounderConfirmedByUserId).HasMaxLength(ModelBuilderExtensions.UserIdLength);
        builder.Property(r => r.FounderConfirmedByName).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Property(r => r.AdvisorFollowUp).HasConversion<string>().HasMaxLength(Referral.FollowUpResultsMaxLength);
        builder.Property(r => r.AdvisorFollowUpComment).HasMaxLength(Referral.FounderTextMaxLength);
        builder.Property(r => r.AdvisorFollowUpByUserId).HasMaxLength(ModelBuilderExtensions.UserIdLength);
        builder.Property(r => r.AdvisorFollowUpByName).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Property(r => r.FounderFollowUp).HasConversion<string>().HasMaxLength(Referral.FollowUpResultsMaxLength);
        builder.Property(r => r.FounderFollowUpComment).HasMaxLength(Referral.FounderTextMaxLength);
        builder.Property(r => r.FounderFollowUpByUserId).HasMaxLength(ModelBuilderExtensions.UserIdLength);
        builder.Property(r => r.FounderFollowUpByName).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Ignore(r => r.CanBeConfirmedByFounder);
        builder.Ignore(r => r.CanFollowUp);
        builder.HasIndex(r => new { r.ReceivingOrganisationId, r.Status });
        builder.HasIndex(r => r.NeedId);
        builder.HasIndex(r => r.OfferId);
        builder.HasIndex(r => r.SentByUserId);
        builder.HasIndex(r => r.SentAt);
        builder.HasIndex(r => r.AnsweredAt);
        builder.HasIndex(r => r.CompletedAt);
        builder.HasIndex(r => r.AnswerDueAt);
        builder.HasIndex(r => r.EscalatesAt);

        // The notification feed reads these by a time window on every signed-in page (migration 20270110000001).
        builder.HasIndex(r => r.FollowUpAskedAt);
        builder.HasIndex(r => r.FounderConfirmedAt);
        builder.HasOne(r => r.Offer).WithMany().HasForeignKey(r => r.OfferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.ReceivingOrganisation).WithMany().HasForeignKey(r => r.ReceivingOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.AuditFields();
    }
}
