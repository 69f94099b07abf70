using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Quartz;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// The portal's public address (<c>Portal:PublicUrl</c>), the hosts it answers to (<c>AllowedHosts</c>) and where
/// its e-mail goes (<c>Email</c>); all checked at start-up (ADR 1101, <c>docs/operations.md</c>).
/// </summary>
public static class PortalAddressAndMail
{
    /// <summary>Where Development writes its e-mail when <c>Email:PickupFolder</c> is not set.</summary>
    public const string DefaultPickupFolder = "App_Data/mail";

    public static IServiceCollection AddPortalAddressAndMail(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton(provider => new PortalLinks(() => ResolvePublicAddress(provider)));
        services.AddSingleton<MailLinks>();

        // Outside Development only the public host (and localhost, for health probes on the machine) may be
        // named in the Host header unless AllowedHosts says otherwise; Development answers to any.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<PortalOptions>>((hosts, portal) =>
        {
            if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]) && !environment.IsDevelopment()
                && Uri.TryCreate(portal.Value.PublicUrl, UriKind.Absolute, out var address))
            {
                hosts.AllowedHosts = [address.Host, "localhost"];
            }
        });

        services.AddSingleton<IMailDelivery>(provider =>
        {
            var email = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
            if (environment.IsDevelopment() || (string.IsNullOrWhiteSpace(email.SmtpHost) && !string.IsNullOrWhiteSpace(email.PickupFolder)))
            {
                var folder = string.IsNullOrWhiteSpace(email.PickupFolder) ? DefaultPickupFolder : email.PickupFolder;
                return new PickupFolderDelivery(Path.GetFullPath(folder, environment.ContentRootPath), provider.GetRequiredService<TimeProvider>());
            }

            return new SmtpDelivery(provider.GetRequiredService<IOptions<EmailOptions>>());
        });
        services.AddScoped<OutboxSender>();
        services.AddScoped<PortalMailer>();
        services.AddSingleton<MailCulture>();
        services.AddScoped<PortalMail>();

        // The recurring job that sends what could not be sent at once (ADR 1701). Quartz's in-memory store is
        // enough: the schedule is "every N seconds" on every instance, and what must survive a restart is the
        // outbox table, not the trigger. The first run at start-up sends what waited while the portal was down.
        // Each host has its own scheduler (Quartz 4 keeps no process-wide registry). The poll runs on real time:
        // whether a message is due is decided by the portal's TimeProvider in OutboxSender, so a test clock that
        // stands still cannot stop (or spin) the scheduler.
        var poll = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(EmailOptions.Section + ":" + nameof(EmailOptions.OutboxPollSeconds), 30), 1, 3600));

        // Saved-search alerts (ADR 1760) run the same way: what must survive a restart is in their tables.
        var alertPoll = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(Pages.SavedSearches.SavedSearchAlertJob.PollSecondsKey, 60), 1, 3600));
        services.AddScoped<Pages.SavedSearches.AlertMail>();
        services.AddScoped<Pages.SavedSearches.SavedSearchAlerts>();

        // Follow-ups of completed referrals (ADR 1777) run the same way: what must survive a restart is FollowUpAskedAt.
        services.AddOptions<Core.Referrals.FollowUpOptions>().Bind(configuration.GetSection(Core.Referrals.FollowUpOptions.Section));
        var followUpPoll = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(Core.Referrals.FollowUpOptions.Section + ":" + nameof(Core.Referrals.FollowUpOptions.PollSeconds), 3600), 1, 86400));
        services.AddScoped<Pages.Referrals.FollowUpMail>();
        services.AddScoped<Pages.Referrals.FollowUps>();
        // Chasing unanswered referrals (ADR 1762): the claim on each referral, not the scheduler, sends each e-mail once.
        var chasePoll = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(Pages.Referrals.ReferralChasingJob.PollSecondsKey, 300), 1, 3600));
        services.AddScoped<Pages.Referrals.ChasingMail>();
        services.AddScoped<Pages.Referrals.ReferralChasing>();
        // Verification requests (ADR 1934): hourly by default, first run one interval after start-up; the offers'
        // VerificationRequestedAt, not the trigger, keeps a request from going out twice.
        var verificationPoll = Math.Clamp(configuration.GetValue(Pages.Partner.Offers.OfferVerificationJob.PollSecondsKey, 3600), 1, 86400);
        services.AddScoped<Pages.Partner.Offers.OfferVerificationMail>();
        services.AddScoped<Pages.Partner.Offers.OfferVerificationRequests>();
        services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore();
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.ScheduleJob<OutboxJob>(
                trigger => trigger.WithIdentity("mail-outbox").StartNow().WithSimpleSchedule(s => s.WithInterval(poll).RepeatForever()),
                job => job.WithIdentity(OutboxJob.Key));
            quartz.ScheduleJob<OutboxRetentionJob>(
                trigger => trigger.WithIdentity("mail-outbox-retention").StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()),
                job => job.WithIdentity(OutboxRetentionJob.Key));
            quartz.ScheduleJob<Pages.SavedSearches.SavedSearchAlertJob>(
                trigger => trigger.WithIdentity("saved-search-alerts").StartNow().WithSimpleSchedule(s => s.WithInterval(alertPoll).RepeatForever()),
                job => job.WithIdentity(Pages.SavedSearches.SavedSearchAlertJob.Key));
            quartz.ScheduleJob<Pages.Referrals.FollowUpJob>(
                trigger => trigger.WithIdentity("referral-follow-ups").StartNow().WithSimpleSchedule(s => s.WithInterval(followUpPoll).RepeatForever()),
                job => job.WithIdentity(Pages.Referrals.FollowUpJob.Key));
            quartz.ScheduleJob<Pages.Referrals.ReferralChasingJob>(
                trigger => trigger.WithIdentity("referral-chasing").StartNow().WithSimpleSchedule(s => s.WithInterval(chasePoll).RepeatForever()),
                job => job.WithIdentity(Pages.Referrals.ReferralChasingJob.Key));
            quartz.ScheduleJob<Pages.Partner.Offers.OfferVerificationJob>(
                trigger => trigger.WithIdentity("offer-verification-requests")
                    .StartAt(TimeProvider.System.GetUtcNow().AddSeconds(verificationPoll))
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(verificationPoll)).RepeatForever()),
                job => job.WithIdentity(Pages.Partner.Offers.OfferVerificationJob.Key));
        });
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>
    /// The configured public address; in Development without one, the server's own listening address (still
    /// not the request's Host header, which a client chooses).
    /// </summary>
    private static Uri ResolvePublicAddress(IServiceProvider provider)
    {
        if (provider.GetRequiredService<IOptions<PortalOptions>>().Value.PublicUrl is { Length: > 0 } configured)
        {
            return new Uri(configured);
        }

        var listening = provider.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return new Uri(listening is null ? "http://localhost:5000"
            : listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal));
    }
}
