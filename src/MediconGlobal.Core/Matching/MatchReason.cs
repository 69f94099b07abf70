namespace MediconGlobal.Core.Matching;

/// <summary>The names a sentence about a match needs: the need's category and market, the company's stage, sector and region.</summary>
public sealed record NeedTermNames(string Category, string? Market, string? Stage, string? Sector, string? Region);

/// <summary>One clause of a "why it matched" sentence: an English template with at most one placeholder.</summary>
public sealed record ReasonPart(string Template, string? Value);

/// <summary>
/// Says in one plain sentence why an offer matched a need, from the rule's <see cref="MatchExplanation"/>:
/// "It offers Legal advisory, is open to any market, USA included, takes any stage and sector and is
/// available to companies in Skåne." The clauses are English templates so the web layer can translate them
/// with its localizer (pass it as <c>localize</c>); without one the English text is used.
/// </summary>
public static class MatchReason
{
    public static IReadOnlyList<ReasonPart> Parts(MatchExplanation match, NeedTermNames names)
    {
        var parts = new List<ReasonPart> { new("It offers {0}", names.Category) };
        AddMarket(parts, match.Market, names.Market);
        if (match.Stage == Fit.Open && match.Sector == Fit.Open)
        {
            parts.Add(new("takes any stage and sector", null));
        }
        else
        {
            Add(parts, match.Stage, names.Stage, "is meant for the {0} stage", "takes any stage");
            Add(parts, match.Sector, names.Sector, "is meant for {0}", "takes any sector");
        }

        Add(parts, match.Region, names.Region, "is available to companies in {0}", "is open to companies in every region");
        return parts;
    }

    public static string Sentence(MatchExplanation match, NeedTermNames names, Func<string, object[], string>? localize = null)
    {
        localize ??= (template, args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, args);
        var clauses = Parts(match, names).Select(p => localize(p.Template, p.Value is null ? [] : [p.Value])).ToList();
        var text = clauses.Count == 1
            ? clauses[0]
            : string.Join(", ", clauses.Take(clauses.Count - 1)) + localize(" and ", []) + clauses[^1];
        return text + ".";
    }

    private static void AddMarket(List<ReasonPart> parts, Fit fit, string? market)
    {
        switch (fit)
        {
            case Fit.Exact:
                parts.Add(new("serves {0}", market));
                break;
            case Fit.Broader:
                parts.Add(new("serves {0} as part of a wider market", market));
                break;
            case Fit.Open when market is not null:
                parts.Add(new("is open to any market, {0} included", market));
                break;
            default:
                break;
        }
    }

    private static void Add(List<ReasonPart> parts, Fit fit, string? value, string exact, string open)
    {
        if (fit == Fit.Exact && value is not null)
        {
            parts.Add(new(exact, value));
        }
        else if (fit == Fit.Open)
        {
            parts.Add(new(open, null));
        }
    }
}
