using System.Collections.Concurrent;
using System.Globalization;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Clients;

/// <summary>
/// What the caseload ranks clients by, for every company, as of one <see cref="DataVersions.Casework"/> counter
/// (ADR 1207): the count of open needs (open, in progress, referred) and the answer-due times of the referrals still
/// waiting for an answer (ADR 1762), from which a request counts the overdue ones at its own "now" — so the figures need no
/// rebuild as time passes. Also each company's place in the name order of each language, worked out once per
/// language (<see cref="NameOrder.Comparer"/>, the rule the database's collation follows). Immutable once built
/// except for those lazily added orders; about 50 bytes a company.
/// </summary>
public sealed class CaseloadAttention
{
    private readonly int[] _ids;
    private readonly string[] _names;
    private readonly Dictionary<int, int> _index;
    private readonly int[] _openNeeds;

    // The waiting referrals' answer-due times, company by company: those of company i are [_waitingStart[i], _waitingStart[i + 1]), ascending.
    private readonly int[] _waitingStart;
    private readonly DateTime[] _waitingSentAt;
    private readonly ConcurrentDictionary<string, int[]> _nameRanks = new();

    private CaseloadAttention(long version, int[] ids, string[] names, int[] openNeeds, int[] waitingStart, DateTime[] waitingSentAt)
    {
        Version = version;
        _ids = ids;
        _names = names;
        _openNeeds = openNeeds;
        _waitingStart = waitingStart;
        _waitingSentAt = waitingSentAt;
        _index = new Dictionary<int, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            _index[ids[i]] = i;
        }
    }

    /// <summary>The <see cref="DataVersions.Casework"/> counter read before the data was loaded.</summary>
    public long Version { get; }

    /// <summary>How many companies the figures cover.</summary>
    public int Count => _ids.Length;

    /// <summary>Loads the figures with three queries (companies; open needs grouped per company; waiting referrals' due times).</summary>
    public static async Task<CaseloadAttention> LoadAsync(AppDbContext db, long version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var companies = await db.Companies.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var open = await db.Needs.AsNoTracking().Active()
            .GroupBy(n => n.CompanyId)
            .Select(g => new { CompanyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CompanyId, g => g.Count, cancellationToken);
        var waiting = await (
            from r in db.Referrals.AsNoTracking()
            join n in db.Needs.AsNoTracking() on r.NeedId equals n.Id
            where r.Status == ReferralStatus.Sent
            select new { n.CompanyId, r.AnswerDueAt }).ToListAsync(cancellationToken);

        var ids = companies.Select(c => c.Id).ToArray();
        var position = new Dictionary<int, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            position[ids[i]] = i;
        }

        var waitingStart = new int[ids.Length + 1];
        foreach (var w in waiting)
        {
            if (position.TryGetValue(w.CompanyId, out var i))
            {
                waitingStart[i + 1]++;
            }
        }

        for (var i = 0; i < ids.Length; i++)
        {
            waitingStart[i + 1] += waitingStart[i];
        }

        var sentAt = new DateTime[waitingStart[ids.Length]];
        var next = waitingStart[..^1];
        foreach (var w in waiting)
        {
            if (position.TryGetValue(w.CompanyId, out var i))
            {
                // Without a due time a waiting referral is never overdue, as the comparison in SQL has it.
                sentAt[next[i]++] = w.AnswerDueAt ?? DateTime.MaxValue;
            }
        }

        for (var i = 0; i < ids.Length; i++)
        {
            Array.Sort(sentAt, waitingStart[i], waitingStart[i + 1] - waitingStart[i]);
        }

        var openNeeds = ids.Select(id => open.GetValueOrDefault(id)).ToArray();
        return new CaseloadAttention(version, ids, companies.Select(c => c.Name).ToArray(), openNeeds, waitingStart, sentAt);
    }

    /// <summary>
    /// The attention figures of the companies <paramref name="companyIds"/> names (every company when null) at
    /// <paramref name="now"/> (UTC; a referral still unanswered whose answer was due before it is overdue, <see cref="Referral.OverdueAt"/>), in the
    /// caseload's order: most overdue, then most waiting, then most open needs, then by name in
    /// <paramref name="culture"/>'s order, then by id. A company unknown to these figures (created after they
    /// were loaded) is left out.
    /// </summary>
    public IReadOnlyList<CaseloadFigures> Ranked(IEnumerable<int>? companyIds, DateTime now, CultureInfo? culture = null)
    {
        var rank = NameRanks(NameOrder.Language(culture));
        var rows = new List<CaseloadFigures>(companyIds is null ? _ids.Length : 64);
        void Add(int i)
        {
            var start = _waitingStart[i];
            var waiting = _waitingStart[i + 1] - start;
            var overdue = CountBefore(start, waiting, now);
            rows.Add(new CaseloadFigures(_ids[i], _names[i], _openNeeds[i], waiting, overdue, rank[i]));
        }

        if (companyIds is null)
        {
            for (var i = 0; i < _ids.Length; i++)
            {
                Add(i);
            }
        }
        else
        {
            foreach (var id in companyIds.Distinct())
            {
                if (_index.TryGetValue(id, out var i))
                {
                    Add(i);
                }
            }
        }

        rows.Sort(static (a, b) =>
            b.Overdue != a.Overdue ? b.Overdue.CompareTo(a.Overdue)
            : b.WaitingForAnswer != a.WaitingForAnswer ? b.WaitingForAnswer.CompareTo(a.WaitingForAnswer)
            : b.OpenNeeds != a.OpenNeeds ? b.OpenNeeds.CompareTo(a.OpenNeeds)
            : a.NameRank.CompareTo(b.NameRank));
        return rows;
    }

    private int CountBefore(int start, int length, DateTime before)
    {
        // Due times ascend, so the overdue ones are a prefix: the position of the first one not before the limit.
        var low = start;
        var high = start + length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_waitingSentAt[middle] < before)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - start;
    }

    /// <summary>Each company's place in the name order of <paramref name="language"/> (ties by id), computed once per language.</summary>
    private int[] NameRanks(string language) => _nameRanks.GetOrAdd(language, l =>
    {
        var comparer = NameOrder.Comparer(CultureInfo.GetCultureInfo(l));
        var order = Enumerable.Range(0, _ids.Length).ToArray();
        Array.Sort(order, (a, b) => comparer.Compare(_names[a], _names[b]) is var byName and not 0 ? byName : _ids[a].CompareTo(_ids[b]));
        var ranks = new int[_ids.Length];
        for (var place = 0; place < order.Length; place++)
        {
            ranks[order[place]] = place;
        }

        return ranks;
    });
}

/// <summary>One company's attention figures at one moment; <see cref="NameRank"/> is its place in the name order.</summary>
public readonly record struct CaseloadFigures(int Id, string Name, int OpenNeeds, int WaitingForAnswer, int Overdue, int NameRank);

/// <summary>
/// Keeps <see cref="CaseloadAttention"/> between requests (one per process, registered as a singleton) per
/// <see cref="DataVersions.Casework"/>, raised by the database's triggers on every change of companies, needs and
/// referrals from any instance, so the next request after a change, on any instance, ranks with it (ADR 1201, 1207).
/// </summary>
/// <param name="rebuilds">Given, figures older than the counter are built again in the background (ADR 1210).</param>
public sealed class CaseloadCache(ReadModelRebuilds? rebuilds = null)
{
    private readonly KeptReadModel<CaseloadAttention> _attention = new(rebuilds);

    /// <summary>How many times the figures were loaded (for tests and the benchmark).</summary>
    public int Builds => _attention.Builds;

    public async Task<CaseloadAttention> GetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var version = (await DataVersions.ReadAsync(db, cancellationToken)).Casework;
        return await _attention.GetAsync(db, version, CaseloadAttention.LoadAsync, null, cancellationToken);
    }
}
