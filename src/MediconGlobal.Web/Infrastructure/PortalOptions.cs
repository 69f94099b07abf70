using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>Settings of section <c>Portal</c> (see <c>docs/operations.md</c>).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The address people reach the portal at, e.g. <c>https://portal.example.org</c> (a path base such as
    /// <c>https://example.org/portal</c> is allowed). Every link in every e-mail is built from it. Required
    /// outside Development, where it must be <c>https</c>; in Development the server's own address is used when unset.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Loads the fictional demo data at start-up; honoured in Development only.</summary>
    public bool LoadDemoData { get; set; }
}

/// <summary>Checks <see cref="PortalOptions"/> at start-up (<c>ValidateOnStart</c>), so a wrong address stops the portal instead of mailing broken links.</summary>
public sealed class PortalOptionsValidator(IHostEnvironment environment) : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Portal:PublicUrl is required outside Development: set it to the address people reach the portal at, e.g. https://portal.example.org (environment variable Portal__PublicUrl).");
        }

        if (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment) || !string.IsNullOrEmpty(address.UserInfo))
        {
            return ValidateOptionsResult.Fail($"Portal:PublicUrl '{options.PublicUrl}' must be an absolute http(s) address without query, fragment or user name, e.g. https://portal.example.org.");
        }

        return environment.IsProduction() && address.Scheme != Uri.UriSchemeHttps
            ? ValidateOptionsResult.Fail($"Portal:PublicUrl '{options.PublicUrl}' must use https in Production: links in e-mails carry sign-in and reset codes.")
            : ValidateOptionsResult.Success;
    }
}
