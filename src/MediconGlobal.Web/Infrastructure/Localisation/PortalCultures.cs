using System.Globalization;

namespace MediconGlobal.Web.Infrastructure.Localisation;

/// <summary>
/// The languages the portal speaks (ADR 1401): English, whose text is the key of every string, and every language
/// whose translation file is compiled into the portal (a satellite assembly beside it, e.g. <c>sv/</c>, <c>da/</c>).
/// Adding Norwegian Bokmål means adding <c>SharedResource.nb.resx</c>; no code lists the languages.
/// </summary>
public static class PortalCultures
{
    /// <summary>The language of the keys, used when nothing else is asked for.</summary>
    public const string Default = "en";

    /// <summary>
    /// The pseudo-localisation test culture (ICU's "English, pseudo-accents"): every string shown in it is accented
    /// and bracketed, so a string that bypasses the localiser stands out (issue 14 item 5).
    /// </summary>
    public const string Pseudo = "en-XA";

    /// <summary>
    /// English plus every culture with a compiled translation of the shared strings below <paramref name="baseDirectory"/>,
    /// in the order English, then by culture name.
    /// </summary>
    public static IReadOnlyList<CultureInfo> Discover(string baseDirectory)
    {
        var resourceFile = typeof(PortalCultures).Assembly.GetName().Name + ".resources.dll";
        var translated = Directory.Exists(baseDirectory)
            ? Directory.GetDirectories(baseDirectory)
                .Where(folder => File.Exists(Path.Combine(folder, resourceFile)))
                .Select(folder => Path.GetFileName(folder))
                .Where(name => name != Default && IsCultureName(name))
                .Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return [new CultureInfo(Default), .. translated.Select(name => new CultureInfo(name))];
    }

    /// <summary>The culture in which texts are pseudo-localised, with month and day names transformed too.</summary>
    public static CultureInfo CreatePseudo()
    {
        var culture = new CultureInfo(Pseudo);
        var dates = culture.DateTimeFormat;
        dates.MonthNames = [.. dates.MonthNames.Select(PseudoText.Transform)];
        dates.MonthGenitiveNames = [.. dates.MonthGenitiveNames.Select(PseudoText.Transform)];
        dates.AbbreviatedMonthNames = [.. dates.AbbreviatedMonthNames.Select(PseudoText.Transform)];
        dates.AbbreviatedMonthGenitiveNames = [.. dates.AbbreviatedMonthGenitiveNames.Select(PseudoText.Transform)];
        dates.DayNames = [.. dates.DayNames.Select(PseudoText.Transform)];
        dates.AbbreviatedDayNames = [.. dates.AbbreviatedDayNames.Select(PseudoText.Transform)];
        return culture;
    }

    public static bool IsPseudo(CultureInfo culture) => culture.Name == Pseudo;

    private static bool IsCultureName(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
