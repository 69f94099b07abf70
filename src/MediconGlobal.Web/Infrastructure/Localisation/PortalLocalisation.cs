using System.Collections.Concurrent;
using System.Globalization;
using FluentValidation;
using FluentValidation.Internal;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure.Localisation;

/// <summary>Wires the portal's languages (ADR 1401): resources, the request's culture and validation messages.</summary>
public static class PortalLocalisation
{
    /// <summary>Configuration switch for the pseudo-localisation culture (<see cref="PortalCultures.Pseudo"/>): on in Development and tests.</summary>
    public const string PseudoSetting = "Localization:PseudoCulture";

    public static IServiceCollection AddPortalLocalisation(this IServiceCollection services, IConfiguration configuration)
    {
        // The marker type's own namespace (MediconGlobal.Web.Resources) already names the folder of the .resx files.
        services.AddLocalization();
        services.AddSingleton<MissingTranslations>();
        services.AddScoped<TermNames>();
        services.AddSingleton<IStringLocalizerFactory, PortalStringLocalizerFactory>();

        var cultures = PortalCultures.Discover(AppContext.BaseDirectory).ToList();
        if (configuration.GetValue<bool>(PseudoSetting))
        {
            cultures.Add(PortalCultures.CreatePseudo());
        }

        // Picked up by the catalogue's cache (CatalogueCache), so every catalogue search knows the countries' names.
        services.AddSingleton(CountrySynonyms.Build(cultures));

        services.AddOptions<RequestLocalizationOptions>().Configure<IHostEnvironment>((options, environment) =>
        {
            options.RequestCultureProviders = PortalLanguages.Providers(TransportSecurity.CultureCookieName(environment));
            options.DefaultRequestCulture = new RequestCulture(PortalCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.ApplyCurrentCultureToResponseHeaders = true;
        });

        // Validators state their messages in English; the English text is the key, as everywhere else.
        ValidatorOptions.Global.LanguageManager.Enabled = false;
        ValidatorOptions.Global.MessageFormatterFactory = () => new LocalisingMessageFormatter();
        // A property's name in messages is the same words MVC's own messages use (FieldNames: "ConsentPurpose" is
        // "Consent purpose", a key the key tool lists), not FluentValidation's "Consent Purpose".
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : FieldNames.InWords(member.Name);
        return services;
    }
}

/// <summary>
/// Translates a FluentValidation message template (and the property name put into it) through the shared
/// localiser of the current request before its placeholders are filled, so <c>WithMessage("…")</c> and the built-in
/// messages need no localiser of their own. Outside a request the English template is used.
/// </summary>
public sealed class LocalisingMessageFormatter : MessageFormatter
{
    public override string BuildMessage(string messageTemplate)
    {
        // Every date rule names the one calendar range (ADR 1005) the same way.
        AppendArgument("CalendarEarliest", CalendarDates.EarliestText);
        AppendArgument("CalendarLatest", CalendarDates.LatestText);

        // HttpContextAccessor reads the request of the current async flow; validators are created with `new`.
        var t = new HttpContextAccessor().HttpContext?.RequestServices.GetService<IStringLocalizer<SharedResource>>();
        if (t is null)
        {
            return base.BuildMessage(messageTemplate);
        }

        // The property's name is put into every message; it is looked up only where the message shows it, so a
        // property named by no [Display] and shown by no message is not reported as a missing key.
        if (messageTemplate.Contains("{PropertyName}", StringComparison.Ordinal)
            && PlaceholderValues.TryGetValue("PropertyName", out var name) && name is string { Length: > 0 } propertyName)
        {
            AppendPropertyName(t[propertyName].Value);
        }

        return base.BuildMessage(IsTranslated(t, messageTemplate) ? messageTemplate : t[messageTemplate].Value);
    }

    private static readonly ConcurrentDictionary<string, HashSet<string>> Translations = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the template is already in the request's language: a few validators (the Identity pages') pass
    /// a translated text to <c>WithMessage</c> to fill in a number, and looking that translation up again as a key would
    /// miss. Translating is made idempotent here, where every validator message passes, rather than in each validator.
    /// </summary>
    private static bool IsTranslated(IStringLocalizer t, string template)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (culture.TwoLetterISOLanguageName == PortalCultures.Default || PortalCultures.IsPseudo(culture))
        {
            return PortalCultures.IsPseudo(culture) && template.StartsWith(PseudoText.Open);
        }

        return Translations.GetOrAdd(culture.Name, _ => t.GetAllStrings(includeParentCultures: false).Select(s => s.Value).ToHashSet(StringComparer.Ordinal)).Contains(template);
    }
}
