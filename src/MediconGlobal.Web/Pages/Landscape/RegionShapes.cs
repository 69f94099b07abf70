using System.Globalization;
using System.Text;

namespace MediconGlobal.Web.Pages.Landscape;

/// <summary>One region drawn on the map: its SVG path, where its label goes and the short name shown there.</summary>
public sealed record RegionShape(string Code, string ShortName, string Path, double LabelX, double LabelY);

/// <summary>
/// A simplified schematic of the ÖKS region (south-east Norway, western Sweden, eastern Denmark) drawn by the
/// portal itself, so the map works offline and needs no tile server. Outlines are hand-traced, coarse
/// longitude/latitude polygons, projected equirectangularly with the longitude scaled by cos 57.5°; they are
/// recognisable, not survey-accurate. Neighbouring land is drawn in grey for orientation only.
/// </summary>
public static class RegionShapes
{
    /// <summary>
    /// The language of a region's short map label, a place name in its own country's language ("da" for dk-…, "sv" for
    /// se-…, "nb" for no-…), so the label carries its <c>lang</c> on pages in other languages (ADR 1404).
    /// </summary>
    public static string LanguageOf(string regionCode) => regionCode.Split('-')[0] switch
    {
        "dk" => "da",
        "se" => "sv",
        _ => "nb",
    };

    public const double Width = 526;
    public const double Height = 690;

    private const double West = 5.8;
    private const double North = 61.2;
    private const double Scale = 100;
    private static readonly double LongitudeScale = Scale * Math.Cos(57.5 * Math.PI / 180);

    /// <summary>Land outside the ÖKS regions (rest of Norway and Sweden, southern Denmark, Germany), for orientation.</summary>
    public static readonly IReadOnlyList<string> Context =
    [
        Path([[(5.0, 58.6), (5.6, 58.9), (5.0, 59.6), (5.0, 61.5), (12.6, 61.5), (12.4, 60.6), (12.2, 60.1), (11.9, 60.1), (11.5, 60.4), (11.0, 60.5), (10.45, 60.0), (10.2, 60.4), (9.6, 60.8), (8.6, 60.9), (7.8, 60.7), (7.5, 60.2), (7.5, 60.0), (7.2, 59.5), (6.8, 59.0), (6.5, 58.3)]]),
        Path([[(11.8, 59.6), (11.6, 59.8), (11.9, 60.1), (12.2, 60.1), (12.4, 60.6), (12.6, 61.5), (17.0, 61.5), (17.0, 58.5), (16.6, 57.5), (16.4, 56.6), (16.2, 56.2), (15.6, 56.15), (14.9, 56.15), (14.6, 56.0), (14.0, 55.8), (13.5, 56.3), (12.9, 57.0), (12.8, 58.0), (12.3, 59.0), (11.7, 59.28)]]),
        Path([
            [(8.1, 55.55), (8.6, 55.75), (9.5, 55.8), (10.0, 55.85), (9.75, 55.5), (9.6, 55.2), (9.75, 55.0), (9.9, 54.85), (9.4, 54.82), (8.65, 54.9), (8.6, 55.1), (8.45, 55.4)],
            [(9.8, 55.55), (10.4, 55.6), (10.85, 55.3), (10.7, 55.05), (10.2, 55.05), (9.7, 55.25)],
        ]),
        Path([[(7.8, 54.0), (8.6, 54.9), (9.9, 54.8), (10.3, 54.45), (10.9, 54.3), (11.2, 54.5), (11.3, 54.2), (12.1, 54.15), (12.5, 54.47), (13.1, 54.35), (13.4, 54.65), (13.8, 54.15), (14.3, 53.9), (15.8, 54.2), (15.8, 53.8), (7.8, 53.8)]]),
    ];

    /// <summary>The 14 ÖKS regions by taxonomy code (see <c>TaxonomySeed</c>).</summary>
    public static readonly IReadOnlyDictionary<string, RegionShape> ByCode = new[]
    {
        Region("no-agder", "Agder", (7.7, 58.6), [(6.5, 58.3), (7.05, 57.98), (8.0, 58.1), (8.8, 58.45), (9.25, 58.75), (8.6, 59.05), (8.1, 59.3), (7.6, 59.6), (7.2, 59.5), (6.8, 59.0)]),
        Region("no-telemark", "Telemark", (8.5, 59.65), [(7.2, 59.5), (7.6, 59.6), (8.1, 59.3), (8.6, 59.05), (9.25, 58.75), (9.75, 59.0), (9.7, 59.4), (9.4, 59.75), (8.9, 60.05), (8.2, 60.15), (7.5, 60.0)]),
        Region("no-vestfold", "Vestfold", (10.05, 59.3), [(9.75, 59.0), (10.05, 59.03), (10.25, 59.1), (10.45, 59.3), (10.5, 59.5), (10.35, 59.7), (10.2, 59.73), (9.9, 59.6), (9.7, 59.4)]),
        Region("no-buskerud", "Buskerud", (9.0, 60.45), [(9.7, 59.4), (9.9, 59.6), (10.2, 59.73), (10.4, 59.8), (10.45, 60.0), (10.2, 60.4), (9.6, 60.8), (8.6, 60.9), (7.8, 60.7), (7.5, 60.2), (7.5, 60.0), (8.2, 60.15), (8.9, 60.05), (9.4, 59.75)]),
        Region("no-akershus", "Akershus", (11.45, 60.27), [(10.4, 59.8), (10.55, 59.7), (10.65, 59.55), (10.75, 59.5), (11.2, 59.6), (11.6, 59.8), (11.9, 60.1), (11.5, 60.4), (11.0, 60.5), (10.45, 60.0)]),
        Region("no-oslo", "Oslo", (10.76, 59.95), [(10.6, 59.85), (10.85, 59.82), (10.95, 59.95), (10.8, 60.1), (10.55, 59.98)]),
        Region("no-ostfold", "Østfold", (11.25, 59.35), [(10.75, 59.5), (10.65, 59.35), (10.7, 59.2), (10.9, 59.1), (11.15, 58.95), (11.45, 59.0), (11.7, 59.3), (11.8, 59.6), (11.6, 59.8), (11.2, 59.6)]),
        Region("se-vastra-gotaland", "Västra Götaland", (12.95, 58.3), [(11.2, 58.95), (11.45, 59.0), (11.7, 59.25), (12.1, 59.25), (12.5, 59.1), (13.3, 58.75), (14.1, 58.95), (14.5, 58.4), (14.2, 57.9), (13.7, 57.65), (13.0, 57.6), (12.5, 57.45), (11.95, 57.55), (11.85, 57.7), (11.6, 58.1), (11.4, 58.35), (11.25, 58.6)]),
        Region("se-halland", "Halland", (12.95, 56.95), [(11.95, 57.55), (12.5, 57.45), (13.1, 57.15), (13.6, 56.8), (13.45, 56.5), (13.0, 56.47), (12.9, 56.45), (12.95, 56.55), (12.8, 56.7), (12.5, 56.9), (12.25, 57.1), (12.05, 57.3)]),
        Region("se-skane", "Skåne", (13.6, 55.95), [(12.9, 56.45), (13.0, 56.47), (13.45, 56.5), (13.9, 56.45), (14.3, 56.35), (14.6, 56.2), (14.45, 56.05), (14.25, 55.93), (14.38, 55.6), (14.2, 55.4), (13.8, 55.43), (13.15, 55.37), (12.85, 55.4), (13.0, 55.6), (12.9, 55.8), (12.7, 56.05), (12.45, 56.3), (12.75, 56.42)]),
        Region("dk-nordjylland", "Nordjylland", (9.55, 57.1), [(8.2, 57.1), (8.6, 57.12), (9.6, 57.45), (10.0, 57.6), (10.6, 57.75), (10.5, 57.4), (10.5, 57.1), (10.3, 56.85), (10.2, 56.7), (9.8, 56.6), (9.3, 56.55), (8.6, 56.65), (8.25, 56.8)]),
        Region("dk-midtjylland", "Midtjylland", (9.2, 56.2), [(8.25, 56.8), (8.6, 56.65), (9.3, 56.55), (9.8, 56.6), (10.2, 56.7), (10.3, 56.55), (10.95, 56.45), (10.85, 56.2), (10.5, 56.1), (10.25, 56.0), (10.0, 55.85), (9.5, 55.8), (8.6, 55.75), (8.1, 55.55), (8.15, 56.1), (8.1, 56.5)]),
        Region("dk-sjaelland", "Sjælland", (11.6, 55.55), [(11.1, 55.68), (11.3, 55.97), (11.75, 55.95), (11.95, 55.8), (12.1, 55.7), (12.25, 55.6), (12.3, 55.5), (12.2, 55.45), (12.45, 55.3), (12.15, 55.15), (11.9, 55.0), (11.5, 55.15), (11.15, 55.33)],
            [(10.95, 54.85), (11.2, 54.95), (11.85, 54.95), (12.15, 54.85), (11.95, 54.56), (11.7, 54.65), (11.2, 54.72)],
            [(12.2, 55.0), (12.55, 54.98), (12.5, 54.93), (12.2, 54.93)]),
        Region("dk-hovedstaden", "Hovedstaden", (12.27, 55.95), [(11.75, 55.95), (12.3, 56.12), (12.6, 56.04), (12.55, 55.85), (12.6, 55.7), (12.68, 55.6), (12.45, 55.58), (12.3, 55.5), (12.25, 55.6), (12.1, 55.7), (11.95, 55.8)],
            [(14.7, 55.1), (14.75, 55.25), (14.95, 55.3), (15.15, 55.13), (15.1, 55.0), (14.85, 54.99)]),
    }.ToDictionary(r => r.Code);

    public static string ViewBox => FormattableString.Invariant($"0 0 {Width} {Height}");

    private static RegionShape Region(string code, string shortName, (double Lon, double Lat) label, params (double Lon, double Lat)[][] rings)
    {
        var (x, y) = Project(label);
        return new RegionShape(code, shortName, Path(rings), x, y);
    }

    private static string Path((double Lon, double Lat)[][] rings)
    {
        var path = new StringBuilder();
        foreach (var ring in rings)
        {
            for (var i = 0; i < ring.Length; i++)
            {
                var (x, y) = Project(ring[i]);
                path.Append(i == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ').Append(y.ToString("0.#", CultureInfo.InvariantCulture));
            }

            path.Append('Z');
        }

        return path.ToString();
    }

    private static (double X, double Y) Project((double Lon, double Lat) point) =>
        (Math.Round((point.Lon - West) * LongitudeScale, 1), Math.Round((North - point.Lat) * Scale, 1));
}
