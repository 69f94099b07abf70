using System.Globalization;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Core.Exports;

/// <summary>
/// A localiser that answers every key with itself: the English an export writes when no reader's language is given
/// (tests, command-line callers). Keys are the English texts (ADR 1401), so this is exactly the English export.
/// </summary>
public sealed class EnglishText : IStringLocalizer
{
    public static readonly EnglishText Instance = new();

    private EnglishText()
    {
    }

    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
