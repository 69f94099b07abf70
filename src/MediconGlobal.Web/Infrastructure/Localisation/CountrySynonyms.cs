using System.Globalization;
using System.Resources;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;

namespace MediconGlobal.Web.Infrastructure.Localisation;

/// <summary>
/// The country names of every language the portal has, as search synonyms (issue 14 item 6): "Sverige", "Sweden"
/// and the Danish "Sverige" find the same offers. The names come from where the pages take them, the translation
/// files (<see cref="Countries"/> gives the codes and English names, the keys; ADR 1401), so a language added as a
/// file is searchable too.
/// </summary>
public static class CountrySynonyms
{
    public static SearchSynonyms Build(IEnumerable<CultureInfo> cultures)
    {
        var resources = new ResourceManager(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);
        var translated = cultures.Where(c => !PortalCultures.IsPseudo(c) && c.TwoLetterISOLanguageName != PortalCultures.Default).ToList();
        string? Translation(string name, CultureInfo culture)
        {
            try
            {
                return resources.GetString(name, culture);
            }
            catch (MissingManifestResourceException)
            {
                // No translation in that language (and no neutral resources to fall back to): the English name stands.
                return null;
            }
        }

        return new SearchSynonyms(Countries.All.Select(country =>
            translated.Select(culture => Translation(country.Name, culture)).OfType<string>().Where(n => n.Length > 0).Prepend(country.Name)));
    }
}
