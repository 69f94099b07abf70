using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;

namespace MediconGlobal.Web.Tests.Privacy;

/// <summary>
/// The companies' needs a gap report filter selects, as sets: bit masks over the filter values of the company
/// attributes (bit 0 of region, incubator and sector is "none") and of the statuses, and a range of quarters
/// for the day logged. Two filters that select the same way have the same key, and the part of a population
/// one filter narrower, and the rest, are populations too.
/// </summary>
public readonly record struct Population(int Countries, long Regions, long Incubators, int Sectors, int Statuses, int From, int To)
{
    /// <summary>The population with one attribute narrowed or widened.</summary>
    public Population With(int attribute, long value) => attribute switch
    {
        0 => this with { Countries = (int)value },
        1 => this with { Regions = value },
        2 => this with { Incubators = value },
        3 => this with { Sectors = (int)value },
        4 => this with { Statuses = (int)value },
        _ => this with { From = (int)(value >> 16), To = (int)(value & 0xFFFF) },
    };

    public long Attribute(int attribute) => attribute switch
    {
        0 => Countries,
        1 => Regions,
        2 => Incubators,
        3 => Sectors,
        4 => Statuses,
        _ => ((long)From << 16) | (uint)To,
    };

    public const int Attributes = 6;
}

/// <summary>
/// Every gap report filter a partner can set, as the values the report's form offers them (countries,
/// regions, incubators, sectors, statuses, and the days logged at quarter boundaries), combined alone and in
/// pairs; and the relations between the populations they select (one narrower than another by one
/// attribute, and the rest), which are what differencing works on.
/// </summary>
public sealed class FilterLattice
{
    private readonly IReadOnlyList<string> _countries;
    private readonly IReadOnlyList<int> _regions;
    private readonly IReadOnlyList<int> _incubators;
    private readonly IReadOnlyList<int> _sectors;
    private readonly IReadOnlyList<DateOnly> _quarters;
    private readonly NeedStatus[] _statuses = Enum.GetValues<NeedStatus>();

    public FilterLattice(IReadOnlyList<string> countries, IReadOnlyList<int> regions, IReadOnlyList<int> incubators, IReadOnlyList<int> sectors, IReadOnlyList<DateOnly> quarters)
    {
        (_countries, _regions, _incubators, _sectors, _quarters) = (countries, regions, incubators, sectors, quarters);
        Everything = new Population(
            (1 << countries.Count) - 1,
            (1L << (regions.Count + 1)) - 1,
            (1L << (incubators.Count + 1)) - 1,
            (1 << (sectors.Count + 1)) - 1,
            GapFilters.DefaultStatuses.Aggregate(0, (mask, s) => mask | Bit(s)),
            0,
            quarters.Count - 1);
        Queries = BuildQueries();
    }

    /// <summary>What a report without filters counts.</summary>
    public Population Everything { get; }

    /// <summary>No filter, every single filter and every pair of filters (two statuses included), with the population each selects.</summary>
    public IReadOnlyList<(Population Key, GapFilters Filters, string Description)> Queries { get; }

    /// <summary>
    /// Differencing: every (whole, part, rest) among the queried populations where the part is the whole
    /// narrowed by one status (two statuses against one of them) or by one quarter at either end of the days
    /// logged (longer steps follow by chaining these). Companies do not add up over these need attributes.
    /// Narrowing by a company attribute is in <see cref="Partitions"/>.
    /// </summary>
    public IEnumerable<(Population Whole, Population Part, Population Remainder)> Splits()
    {
        var queried = Queries.Select(q => q.Key).ToHashSet();
        foreach (var whole in queried)
        {
            foreach (var part in queried)
            {
                if (Rest(whole, part) is { } rest)
                {
                    yield return (whole, part, rest);
                }
            }
        }
    }

    /// <summary>
    /// Margins across filters: every queried population that is not filtered on a company attribute (or on
    /// status) is the sum of its populations for each value of it — each asked for — plus, for region,
    /// incubator and sector, the companies without one, which the attacker cannot ask for but can work out.
    /// <c>CompaniesAdd</c>: a company is in exactly one part (true for company attributes, not for statuses).
    /// </summary>
    public IEnumerable<(Population Whole, IReadOnlyList<Population> Parts, bool CompaniesAdd)> Partitions()
    {
        var queried = Queries.Select(q => q.Key).ToHashSet();
        foreach (var whole in queried)
        {
            for (var a = 0; a < 5; a++)
            {
                var all = whole.Attribute(a);
                if (all != Everything.Attribute(a))
                {
                    continue;
                }

                var parts = Enumerable.Range(0, 63).Select(bit => 1L << bit).Where(bit => (all & bit) != 0).Select(bit => whole.With(a, bit)).ToList();
                var unknown = parts.Where(p => !queried.Contains(p)).ToList();
                // Bit 0 of region, incubator and sector is "none": not a filter value, so it may be the one unknown part.
                if (unknown.Count == 0 || (a is 1 or 2 or 3 && unknown is [var none] && none == parts[0]))
                {
                    yield return (whole, parts, a < 4);
                }
            }
        }
    }

    /// <summary>The whole minus the part, when the part is the whole with one status fewer or one quarter fewer at an end.</summary>
    private static Population? Rest(Population whole, Population part)
    {
        if (whole == part || (whole with { Statuses = part.Statuses, From = part.From, To = part.To }) != part)
        {
            return null;
        }

        if (whole.From == part.From && whole.To == part.To)
        {
            var rest = whole.Statuses & ~part.Statuses;
            return (part.Statuses & ~whole.Statuses) == 0 && int.PopCount(rest) == 1 ? whole with { Statuses = rest } : null;
        }

        return whole.Statuses != part.Statuses ? null
            : part.From == whole.From + 1 && part.To == whole.To ? whole with { To = whole.From }
            : part.To == whole.To - 1 && part.From == whole.From ? whole with { From = whole.To }
            : null;
    }

    private List<(Population, GapFilters, string)> BuildQueries()
    {
        // One filter: its population and how it sets GapFilters.
        var singles = new List<(string Name, int Attribute, long Value, Func<GapFilters, GapFilters> Apply)>();
        singles.AddRange(_countries.Select((c, i) => ("country=" + c, 0, 1L << i, (Func<GapFilters, GapFilters>)(f => f with { CountryCode = c }))));
        singles.AddRange(_regions.Select((r, i) => ($"region={r}", 1, 1L << (i + 1), (Func<GapFilters, GapFilters>)(f => f with { RegionId = r }))));
        singles.AddRange(_incubators.Select((r, i) => ($"incubator={r}", 2, 1L << (i + 1), (Func<GapFilters, GapFilters>)(f => f with { HomeIncubatorId = r }))));
        singles.AddRange(_sectors.Select((r, i) => ($"sector={r}", 3, 1L << (i + 1), (Func<GapFilters, GapFilters>)(f => f with { SectorId = r }))));
        singles.AddRange(_statuses.Select(s => ($"status={s}", 4, (long)Bit(s), (Func<GapFilters, GapFilters>)(f => f with { Statuses = [.. f.Statuses ?? [], s] }))));
        singles.AddRange(_quarters.Select((q, i) => ($"from={q:yyyy-MM-dd}", 5, ((long)i << 16) | 0xFFFF, (Func<GapFilters, GapFilters>)(f => f with { From = q }))));
        singles.AddRange(_quarters.Select((q, i) => ($"to={q.AddMonths(3).AddDays(-1):yyyy-MM-dd}", 6, (long)i, (Func<GapFilters, GapFilters>)(f => f with { To = q.AddMonths(3).AddDays(-1) }))));

        var queries = new List<(Population, GapFilters, string)> { (Everything, GapFilters.None, "no filter") };
        for (var i = 0; i < singles.Count; i++)
        {
            queries.Add(Query([singles[i]]));
            for (var j = i + 1; j < singles.Count; j++)
            {
                // Two values of one filter only for the repeatable status; "from" after "to" is refused by the form.
                var (a, b) = (singles[i], singles[j]);
                if ((a.Attribute != b.Attribute || a.Attribute == 4) && !(a.Attribute == 5 && b.Attribute == 6 && (a.Value >> 16) > b.Value))
                {
                    queries.Add(Query([a, b]));
                }
            }
        }

        return queries;

        (Population, GapFilters, string) Query(IReadOnlyList<(string Name, int Attribute, long Value, Func<GapFilters, GapFilters> Apply)> filters)
        {
            var key = Everything;
            var gap = GapFilters.None;
            foreach (var (_, attribute, value, apply) in filters)
            {
                gap = apply(gap);
                key = attribute switch
                {
                    4 => key with { Statuses = (key.Statuses == Everything.Statuses ? 0 : key.Statuses) | (int)value },
                    5 => key with { From = (int)(value >> 16) },
                    6 => key with { To = (int)value },
                    _ => key.With(attribute, value),
                };
            }

            return (key, gap, string.Join('&', filters.Select(f => f.Name)));
        }
    }

    private static int Bit(NeedStatus status) => 1 << (int)status;
}
