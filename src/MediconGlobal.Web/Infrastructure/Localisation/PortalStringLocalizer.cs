using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Infrastructure.Localisation;

/// <summary>
/// The framework's <c>.resx</c> localiser factory with the portal's rules on top (ADR 1401): an entry whose translation
/// is still empty counts as missing (the key tool writes empty entries for translators), a missing translation
/// shows the English key and is recorded in <see cref="MissingTranslations"/>, and in the pseudo culture every
/// string is transformed by <see cref="PseudoText"/>. Views, page models, validators and Identity all go through it.
/// </summary>
public sealed class PortalStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggerFactory, MissingTranslations missing) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory _resources = new(options, loggerFactory);

    public IStringLocalizer Create(Type resourceSource) => new PortalStringLocalizer(_resources.Create(resourceSource), missing);

    public IStringLocalizer Create(string baseName, string location) => new PortalStringLocalizer(_resources.Create(baseName, location), missing);
}

/// <summary>One localiser of <see cref="PortalStringLocalizerFactory"/>; culture is the request's UI culture.</summary>
public sealed class PortalStringLocalizer(IStringLocalizer resources, MissingTranslations missing) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var culture = CultureInfo.CurrentUICulture;
            if (PortalCultures.IsPseudo(culture))
            {
                return new LocalizedString(name, PseudoText.Transform(name));
            }

            if (culture.TwoLetterISOLanguageName == PortalCultures.Default)
            {
                // English is the key itself; an English resource file would only repeat it.
                return new LocalizedString(name, name, resourceNotFound: false);
            }

            var found = resources[name];
            if (found.ResourceNotFound || string.IsNullOrEmpty(found.Value))
            {
                missing.Record(culture.Name, name);
                return new LocalizedString(name, name, resourceNotFound: true);
            }

            return found;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
}

/// <summary>
/// The keys asked for in a language that has no translation for them yet, by culture. Tests read it after crawling
/// the portal in Swedish and Danish (issue 14 item 5); it holds at most a few thousand keys, the size of the UI.
/// </summary>
public sealed class MissingTranslations
{
    private const int Capacity = 20_000;
    private readonly ConcurrentDictionary<(string Culture, string Key), byte> _keys = new();

    public void Record(string culture, string key)
    {
        if (_keys.Count < Capacity)
        {
            _keys.TryAdd((culture, key), 0);
        }
    }

    /// <summary>The missing keys of one culture, sorted.</summary>
    public IReadOnlyList<string> In(string culture) =>
        [.. _keys.Keys.Where(k => k.Culture == culture).Select(k => k.Key).Order(StringComparer.Ordinal)];
}
