using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using IPNetwork = System.Net.IPNetwork;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// How the portal behaves behind a TLS-terminating proxy (ADR 1001): forwarded headers only from the proxies
/// named in configuration, HSTS for a year, <c>Secure</c> cookies with the <c>__Host-</c> prefix and no
/// <c>Server</c> header — everywhere except Development, which runs on plain http://localhost.
/// </summary>
public static class TransportSecurity
{
    /// <summary>Configuration section: <c>KnownProxies</c> (IP addresses), <c>KnownNetworks</c> (CIDR ranges), <c>ForwardLimit</c>.</summary>
    public const string ForwardedHeadersSection = "ForwardedHeaders";

    /// <summary>HSTS max-age outside Development (OWASP ASVS 14.4.5 asks for at least about six months).</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>
    /// The sign-in cookie's name. Outside Development it carries the <c>__Host-</c> prefix, which browsers only
    /// accept from HTTPS, on path <c>/</c> and without a domain, so no sibling host can set or overwrite it.
    /// </summary>
    public static string AuthCookieName(IHostEnvironment environment) => CookieName("MediconGlobal.Auth", environment);

    /// <summary>The language cookie's name (issue 14), prefixed like <see cref="AuthCookieName"/>.</summary>
    public static string CultureCookieName(IHostEnvironment environment) => CookieName("MediconGlobal.Culture", environment);

    /// <summary>The antiforgery cookie's name, prefixed like <see cref="AuthCookieName"/>.</summary>
    public static string AntiforgeryCookieName(IHostEnvironment environment) => CookieName("MediconGlobal.Antiforgery", environment);

    /// <summary>Whether cookies are always <c>Secure</c>: everywhere except Development (plain http://localhost).</summary>
    public static CookieSecurePolicy CookieSecurity(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    public static IServiceCollection AddPortalTransportSecurity(this IServiceCollection services)
    {
        // Read when the options are first used: test hosts add their configuration after Program.cs has run.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var forwarding = configuration.GetSection(ForwardedHeadersSection);
            var proxies = forwarding.GetSection("KnownProxies").Get<string[]>() ?? [];
            var networks = forwarding.GetSection("KnownNetworks").Get<string[]>() ?? [];

            // The proxy's scheme (cookies, HSTS, HTTPS redirection) and the client's address (rate limits, logs).
            // The Host header is not taken from the proxy: links in e-mails come from configuration.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = forwarding.GetValue("ForwardLimit", 1);
            if (proxies.Length > 0 || networks.Length > 0)
            {
                // Configured proxies replace the default (loopback only, for a proxy on the same machine).
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address) ? address : throw NotAnAddress("KnownProxies", proxy));
                }

                foreach (var network in networks)
                {
                    options.KnownIPNetworks.Add(IPNetwork.TryParse(network.Trim(), out var range) ? range : throw NotAnAddress("KnownNetworks", network));
                }
            }
        });

        services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = true;
        });
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);

        services.AddOptions<CookiePolicyOptions>().Configure<IHostEnvironment>((options, environment) =>
        {
            // Every cookie the portal sets (antiforgery, shortlist, messages, culture) is Secure where the sign-in cookie is.
            options.Secure = CookieSecurity(environment);
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });

        // The antiforgery cookie is made Secure by the cookie policy, not by its own SecurePolicy: with Always,
        // antiforgery throws (a 500 on every form) when a request arrives as plain HTTP, e.g. through a proxy that is
        // not yet configured as known.
        services.AddAntiforgery();
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>()
            .Configure<IHostEnvironment>((options, environment) => options.Cookie.Name = AntiforgeryCookieName(environment));
        return services;
    }

    private static InvalidOperationException NotAnAddress(string key, string value) =>
        new($"{ForwardedHeadersSection}:{key} holds \"{value}\", which is not an IP address{(key == "KnownNetworks" ? " range such as 10.0.0.0/8" : "")}.");

    private static string CookieName(string name, IHostEnvironment environment) =>
        environment.IsDevelopment() ? name : "__Host-" + name;
}
