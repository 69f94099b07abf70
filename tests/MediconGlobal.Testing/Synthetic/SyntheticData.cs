using System.Data.Common;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Testing.Synthetic;

/// <summary>How much synthetic data to generate. <see cref="Full"/> is the scale of docs/performance.md.</summary>
public sealed record SyntheticScale(int Organisations, int Offers, int Companies, int Needs, int Referrals)
{
    public static readonly SyntheticScale Full = new(2_000, 20_000, 50_000, 200_000, 300_000);

    public SyntheticScale Times(double factor) => new(
        Math.Max(3, (int)(Organisations * factor)), Math.Max(3, (int)(Offers * factor)), Math.Max(3, (int)(Companies * factor)),
        Math.Max(3, (int)(Needs * factor)), Math.Max(3, (int)(Referrals * factor)));
}

/// <summary>
/// Fills a migrated database (reference data loaded) with realistic, clearly fictional data: popular
/// categories, markets and regions much more common than rare ones, most offers published and some stale,
/// needs spread over three years in every status, several referrals for many needs. Deterministic for a
/// seed. Writes with <see cref="BulkWriter"/>, so no audit rows are made.
/// </summary>
public sealed class SyntheticData(AppDbContext db, TimeProvider clock, int seed = 2026)
{
    private static readonly string[] Statuses = ["Open", "InProgress", "Referred", "Met", "Unmet", "Withdrawn"];
    private static readonly int[] StatusWeights = [25, 10, 25, 20, 15, 5];
    private static readonly string[] DescriptionWords =
    [
        "support", "companies", "advisory", "market", "international", "startups", "help", "growth", "export", "sales",
        "experts", "one-to-one", "workshop", "programme", "network", "partners", "investors", "funding", "regulatory", "clinical",
        "medtech", "life", "science", "health", "digital", "innovation", "strategy", "access", "entry", "business",
        "development", "validation", "test", "bed", "hospital", "pilot", "customers", "matchmaking", "delegation", "webinar",
        "training", "coaching", "mentoring", "legal", "contracts", "IP", "patents", "trademarks", "financial", "pricing",
        "reimbursement", "FDA", "CE", "marking", "MDR", "IVDR", "quality", "ISO", "13485", "compliance",
        "soft", "landing", "ambassadors", "USA", "Boston", "Germany", "DACH", "Japan", "China", "Singapore",
        "Nordics", "Skåne", "Malmö", "Lund", "København", "Zealand", "Øresund", "Oslo", "Göteborg", "Århus",
        "diagnostics", "biotech", "pharma", "welfare", "technology", "AI", "data", "IoT", "cloud", "security",
        "scale-up", "proof", "concept", "pre-clinical", "approval", "launch", "distribution", "channels", "procurement", "tenders",
    ];

    private readonly Random _random = new(seed);
    private readonly Random _text = new(seed + 1);

    public async Task<SyntheticScale> GenerateAsync(SyntheticScale scale, CancellationToken cancellationToken = default)
    {
        var terms = await db.TaxonomyTerms.AsNoTracking().Select(t => new { t.Id, t.Kind, t.CountryCode, t.IsAgnostic }).ToListAsync(cancellationToken);
        int[] Of(TaxonomyKind kind) => terms.Where(t => t.Kind == kind && !t.IsAgnostic).Select(t => t.Id).ToArray();
        var (categories, markets, stages, sectors, regions) = (Of(TaxonomyKind.SupportCategory), Of(TaxonomyKind.Market), Of(TaxonomyKind.Stage), Of(TaxonomyKind.Sector), Of(TaxonomyKind.Region));
        var countryOf = terms.Where(t => t.Kind == TaxonomyKind.Region).ToDictionary(t => t.Id, t => t.CountryCode ?? "SE");
        var now = clock.GetUtcNow().UtcDateTime;

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var writer = BulkWriter.For(connection);
        var orgStart = await NextIdAsync(connection, "Organisations", cancellationToken);
        var offerStart = await NextIdAsync(connection, "Offers", cancellationToken);
        var companyStart = await NextIdAsync(connection, "Companies", cancellationToken);
        var needStart = await NextIdAsync(connection, "Needs", cancellationToken);
        var referralStart = await NextIdAsync(connection, "Referrals", cancellationToken);

        var types = Enum.GetNames<OrganisationType>();
        await writer.WriteAsync("Organisations", ["Id", "Name", "Type", "CountryCode", "RegionId", "PartnershipStatus", "IsFictional", "SearchText", "CreatedAt", "UpdatedAt", "Version"],
            Enumerable.Range(0, scale.Organisations).Select(i =>
            {
                var region = Pick(regions);
                var name = $"Synthetic Organisation {i + 1}";
                return new object?[] { orgStart + i, name, i % 5 == 0 ? "Incubator" : types[_random.Next(types.Length)], countryOf[region], region, "Mapped", true, name.ToLowerInvariant(), now, now, 1 };
            }), cancellationToken);

        var published = new List<int>();
        await writer.WriteAsync("Offers", ["Id", "Name", "Description", "ProviderId", "CategoryId", "Format", "Cost", "Status", "PublishedAt", "LastReviewedAt", "ApplicationDeadline", "IsFictional", "SearchText", "CreatedAt", "UpdatedAt", "Version"],
            Enumerable.Range(0, scale.Offers).Select(i =>
            {
                var status = _random.Next(10) switch { < 8 => "Published", 8 => "Draft", _ => "Archived" };
                if (status == "Published")
                {
                    published.Add(offerStart + i);
                }

                var reviewed = now.AddDays(-_random.Next(0, 720));
                var name = $"Synthetic offer {i + 1}";
                var description = Description();
                // Every seventh offer is a call with a deadline, some passed, some to come (ADR 1934); no random draw, so
                // the rest of the data stays as it was for a seed.
                DateOnly? deadline = i % 7 == 0 ? DateOnly.FromDateTime(now).AddDays((i % 120) - 90) : null;
                return new object?[] { offerStart + i, name, description, orgStart + _random.Next(scale.Organisations), Skewed(categories), "Workshop", "Free", status, reviewed, reviewed, deadline, true, TextNormalizer.Normalize($"{name} {description}"), now, now, 1 };
            }), cancellationToken);

        await writer.WriteAsync("OfferTerms", ["OfferId", "TermId"], Enumerable.Range(0, scale.Offers).SelectMany(i =>
            Some(markets, 4, 3).Concat(Some(stages, 2, 3)).Concat(Some(sectors, 2, 3)).Concat(Some(regions, 3, 2)).Distinct()
                .Select(term => new object?[] { offerStart + i, term }).ToList()), cancellationToken);

        var incubators = Enumerable.Range(0, scale.Organisations).Where(i => i % 5 == 0).Select(i => orgStart + i).ToArray();
        await writer.WriteAsync("Companies", ["Id", "Name", "CountryCode", "RegionId", "SectorId", "StageId", "HomeIncubatorId", "IsFictional", "SharesDataWithPartners", "SearchText", "CreatedAt", "UpdatedAt", "Version"],
            Enumerable.Range(0, scale.Companies).Select(i =>
            {
                var region = Skewed(regions);
                var name = $"Synthetic Company {i + 1}";
                return new object?[] { companyStart + i, name, countryOf[region], region, _random.Next(20) == 0 ? null : Pick(sectors), _random.Next(20) == 0 ? null : Pick(stages), Skewed(incubators), true, _random.Next(3) > 0, name.ToLowerInvariant(), now, now, 1 };
            }), cancellationToken);

        await writer.WriteAsync("Needs", ["Id", "CompanyId", "CategoryId", "MarketId", "Description", "Priority", "Status", "UnmetReason", "RequestedByCompany", "LoggedByUserId", "LoggedByName", "LoggedAt", "ClosedAt", "IsFictional", "CreatedAt", "UpdatedAt", "Version"],
            Enumerable.Range(0, scale.Needs).Select(i =>
            {
                var status = Statuses[Weighted(StatusWeights)];
                var logged = now.AddMinutes(-_random.Next(0, 3 * 365 * 24 * 60));
                var closed = status is "Met" or "Unmet" or "Withdrawn" ? logged.AddDays(_random.Next(1, 90)) : (DateTime?)null;
                var reason = status == "Unmet" ? (_random.Next(3) < 2 ? "NotAvailable" : "NotEligible") : null;
                return new object?[] { needStart + i, companyStart + _random.Next(scale.Companies), Skewed(categories), _random.Next(10) == 0 ? null : Skewed(markets), "Synthetic need", "Medium", status, reason, false, "synthetic", "Synthetic", logged, closed, true, logged, closed ?? logged, 1 };
            }), cancellationToken);

        await writer.WriteAsync("Referrals", ["Id", "NeedId", "OfferId", "ReceivingOrganisationId", "Status", "SentByUserId", "SentByName", "SentAt", "AnsweredAt", "CompletedAt", "IsFictional", "CreatedAt", "UpdatedAt", "Version"],
            Enumerable.Range(0, scale.Referrals).Select(i =>
            {
                var sent = now.AddMinutes(-_random.Next(0, 3 * 365 * 24 * 60));
                var status = _random.Next(10) switch { < 2 => "Sent", < 5 => "Accepted", < 7 => "Declined", _ => "Completed" };
                var answered = status == "Sent" ? (DateTime?)null : sent.AddDays(_random.Next(0, 30)).AddHours(_random.Next(24));
                var offer = published.Count == 0 ? (int?)null : published[_random.Next(published.Count)];
                return new object?[] { referralStart + i, needStart + _random.Next(scale.Needs), offer, orgStart + _random.Next(scale.Organisations), status, "synthetic", "Synthetic", sent, answered, status == "Completed" ? answered!.Value.AddDays(10) : null, true, sent, answered ?? sent, 1 };
            }), cancellationToken);

        foreach (var table in new[] { "Organisations", "Offers", "Companies", "Needs", "Referrals" })
        {
            await writer.ResetIdentityAsync(table, cancellationToken);
        }

        return scale;
    }

    private static async Task<int> NextIdAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{table}\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Fifteen to forty words of the trade, common ones far more often than rare ones, now and then a place, so the
    /// catalogue's text search meets text like real offers'. From a random of its own: the rest of the data stays
    /// what the seed gave before descriptions existed.
    /// </summary>
    private string Description()
    {
        var words = Enumerable.Range(0, 15 + _text.Next(26)).Select(_ => DescriptionWords[Math.Min(DescriptionWords.Length - 1, (int)(DescriptionWords.Length * Math.Pow(_text.NextDouble(), 2.5)))]);
        return string.Join(' ', words) + ".";
    }

    private int Pick(int[] values) => values[_random.Next(values.Length)];

    /// <summary>Earlier values are much more common (roughly Zipf): the USA more than Australia, Skåne more than Telemark.</summary>
    private int Skewed(int[] values) => values[Math.Min(values.Length - 1, (int)(values.Length * Math.Pow(_random.NextDouble(), 2.2)))];

    private int Weighted(int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>Zero (= any) or up to <paramref name="max"/> values; one in <paramref name="anyOneIn"/> offers is open on this dimension.</summary>
    private IEnumerable<int> Some(int[] values, int max, int anyOneIn) =>
        _random.Next(anyOneIn) == 0 ? [] : Enumerable.Range(0, 1 + _random.Next(max)).Select(_ => Skewed(values)).ToList();
}
