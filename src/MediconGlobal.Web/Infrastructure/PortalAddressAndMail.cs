using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

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
        services.AddScoped<PortalMailer>();
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
