using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediconGlobal.Core.Data.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Activity.TopicLength).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(Activity.TextLength);
        builder.Property(a => a.Outcome).HasMaxLength(Activity.TextLength);
        builder.HasIndex(a => a.ProgrammeId);
        builder.HasIndex(a => a.OrganiserId);
        builder.HasIndex(a => a.Date);
        builder.HasOne(a => a.Programme).WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Organiser).WithMany().HasForeignKey(a => a.OrganiserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Organisations).WithOne().HasForeignKey(o => o.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Terms).WithOne().HasForeignKey(t => t.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.AuditFields();
    }
}

internal sealed class ActivityOrganisationConfiguration : IEntityTypeConfiguration<ActivityOrganisation>
{
    public void Configure(EntityTypeBuilder<ActivityOrganisation> builder)
    {
        builder.HasKey(o => new { o.ActivityId, o.OrganisationId });
        builder.HasIndex(o => o.OrganisationId);
        builder.HasOne(o => o.Organisation).WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityTermConfiguration : IEntityTypeConfiguration<ActivityTerm>
{
    public void Configure(EntityTypeBuilder<ActivityTerm> builder)
    {
        builder.HasKey(t => new { t.ActivityId, t.TermId });
        builder.HasIndex(t => t.TermId);
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityParticipantConfiguration : IEntityTypeConfiguration<ActivityParticipant>
{
    public void Configure(EntityTypeBuilder<ActivityParticipant> builder)
    {
        builder.HasKey(p => new { p.ActivityId, p.CompanyId });
        builder.HasIndex(p => p.CompanyId);
        builder.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HaveName();
        builder.Ignore(u => u.IsInvitationPending);
        builder.Ignore(u => u.IsFounder);
        builder.Ignore(u => u.InvitationExpiresAt);
        builder.Property(u => u.PreferredCulture).HasMaxLength(ApplicationUser.CultureLength);
        builder.Property(u => u.PendingCompanyName).HasMaxLength(ModelBuilderExtensions.NameLength);
        builder.Property(u => u.PendingCompanyCountry).HasMaxLength(2);
        builder.HasIndex(u => u.OrganisationId);
        builder.HasIndex(u => u.CompanyId);
        builder.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Company).WithMany().HasForeignKey(u => u.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(ModelBuilderExtensions.UserIdLength);
        builder.Property(a => a.UserName).HasMaxLength(ModelBuilderExtensions.EmailLength);
        builder.Property(a => a.EntityType).HaveCode();
        builder.Property(a => a.EntityId).HasMaxLength(AuditEntry.EntityIdLength).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(16).IsRequired();
        builder.Property(a => a.Changes).IsRequired();
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.UserId);
    }
}

internal sealed class PortalSettingsConfiguration : IEntityTypeConfiguration<PortalSettings>
{
    public void Configure(EntityTypeBuilder<PortalSettings> builder)
    {
        builder.ToTable("PortalSettings");
        builder.AuditFields();
    }
}
