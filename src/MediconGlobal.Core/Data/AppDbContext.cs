using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MediconGlobal.Core.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring shared by every instance on this database (ADR 1602).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<OrganisationTerm> OrganisationTerms => Set<OrganisationTerm>();

    public DbSet<OrganisationContact> OrganisationContacts => Set<OrganisationContact>();

    public DbSet<PartnershipStatusChange> PartnershipStatusChanges => Set<PartnershipStatusChange>();

    public DbSet<OrganisationMerge> OrganisationMerges => Set<OrganisationMerge>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<ProgrammePartner> ProgrammePartners => Set<ProgrammePartner>();

    public DbSet<ProgrammeIndicator> ProgrammeIndicators => Set<ProgrammeIndicator>();

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<OfferTerm> OfferTerms => Set<OfferTerm>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<CompanyTerm> CompanyTerms => Set<CompanyTerm>();

    public DbSet<CompanyAdvisor> CompanyAdvisors => Set<CompanyAdvisor>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<CompanyNote> CompanyNotes => Set<CompanyNote>();

    public DbSet<Need> Needs => Set<Need>();

    public DbSet<NeedStatusChange> NeedStatusChanges => Set<NeedStatusChange>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<ActivityParticipant> ActivityParticipants => Set<ActivityParticipant>();

    public DbSet<ActivityOrganisation> ActivityOrganisations => Set<ActivityOrganisation>();

    public DbSet<ActivityTerm> ActivityTerms => Set<ActivityTerm>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CorrectionRequest> CorrectionRequests => Set<CorrectionRequest>();

    public DbSet<CompanyCorrection> CompanyCorrections => Set<CompanyCorrection>();

    public DbSet<ShortlistItem> ShortlistItems => Set<ShortlistItem>();

    /// <summary>Founders' saved searches with their alert settings (ADR 1760).</summary>
    public DbSet<Notifications.SavedSearch> SavedSearches => Set<Notifications.SavedSearch>();

    /// <summary>Which offer versions were already e-mailed for which saved search (ADR 1760).</summary>
    public DbSet<Notifications.SavedSearchAlert> SavedSearchAlerts => Set<Notifications.SavedSearchAlert>();

    /// <summary>The portal's own settings that project managers change (one row at most; issue 19).</summary>
    public DbSet<PortalSettings> PortalSettings => Set<PortalSettings>();

    public DbSet<Reports.Gaps.GapSnapshot> GapSnapshots => Set<Reports.Gaps.GapSnapshot>();

    /// <summary>E-mails waiting to be sent, sent or given up (ADR 1701).</summary>
    public DbSet<Notifications.OutboxMessage> OutboxMessages => Set<Notifications.OutboxMessage>();

    /// <summary>The one row of counters raised by triggers (<see cref="Data.DataVersions"/>); read-only for code.</summary>
    public DbSet<DataVersionRow> DataVersions => Set<DataVersionRow>();

    /// <summary>Searches that found nothing, counted per day and kind, anonymously (ADR 1779).</summary>
    public DbSet<Catalogue.FoundNothing.EmptySearchTally> EmptySearchTallies => Set<Catalogue.FoundNothing.EmptySearchTally>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        Configurations.DataVersionConfiguration.DeclareTriggers(
            builder, Database.IsSqlite() ? Migrations.OfferTextIndex.SqliteTriggers.Select(t => ("Offers", t)) : []);
        if (Database.IsNpgsql())
        {
            // The trigram index of migration OfferTextIndex (SQLite's counterpart is an FTS5 table outside the model).
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<Offer>().HasIndex(o => o.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, stable when members are reordered.
        configurationBuilder.Properties<TaxonomyKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<OrganisationType>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PartnershipStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Currency>().HaveConversion<string>().HaveMaxLength(3);
        configurationBuilder.Properties<ProgrammeStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<OfferFormat>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CostType>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<NextStep>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<OfferStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<NeedPriority>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<NeedStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<UnmetReason>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ReferralStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ActivityKind>().HaveConversion<string>().HaveMaxLength(32);

        // Timestamps are UTC everywhere; SQLite forgets the kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
