using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Programmes;

/// <summary>
/// What came of the referrals to one initiative's offers (issue 19 item 4, ADR 1777): how many were sent and
/// completed, how many follow-ups were answered, and per result how many referrals reported it — the advisor's and the
/// founder's answers together (a result either side reported counts once; "nothing yet" only when neither reported a
/// result). The results are shown only from <see cref="PerturbationTable.Threshold"/> answers on, as other small
/// figures about companies are not (the comparison is public).
/// </summary>
public sealed record ReferralResults(int Referred, int Completed, int FollowUpsAnswered, int MarketEntered, int PartnerFound, int FundingRaised, int NothingYet)
{
    public static readonly ReferralResults None = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Enough follow-ups answered that the results single out no company.</summary>
    public bool ResultsShown => FollowUpsAnswered >= PerturbationTable.Threshold;

    /// <summary>The results of referrals to the offers of each programme of <paramref name="programmeIds"/> (sent referrals only).</summary>
    public static async Task<IReadOnlyDictionary<int, ReferralResults>> ForProgrammesAsync(AppDbContext db, IReadOnlyCollection<int> programmeIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = programmeIds.ToList();
        var referrals = db.Referrals.AsNoTracking().Where(r => r.SentAt != null && r.Offer != null && r.Offer.ProgrammeId != null && ids.Contains(r.Offer.ProgrammeId.Value));
        var counts = await referrals.GroupBy(r => r.Offer!.ProgrammeId!.Value)
            .Select(g => new { Id = g.Key, Referred = g.Count(), Completed = g.Count(r => r.CompletedAt != null) })
            .ToListAsync(cancellationToken);
        // Answered follow-ups are few (one per completed referral at most), so they are read and combined here.
        var answers = (await referrals.Where(Referral.FollowUpAnswered)
            .Select(r => new { Id = r.Offer!.ProgrammeId!.Value, r.AdvisorFollowUp, r.FounderFollowUp })
            .ToListAsync(cancellationToken))
            .ToLookup(a => a.Id, a => Combined(a.AdvisorFollowUp, a.FounderFollowUp));
        return counts.ToDictionary(c => c.Id, c => Of(c.Referred, c.Completed, [.. answers[c.Id]]));
    }

    /// <summary>The figures of <paramref name="answers"/> (one combined answer per referral).</summary>
    public static ReferralResults Of(int referred, int completed, IReadOnlyCollection<FollowUpResults> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        int Reporting(FollowUpResults result) => answers.Count(a => a.HasFlag(result));
        return new ReferralResults(referred, completed, answers.Count, Reporting(FollowUpResults.MarketEntered), Reporting(FollowUpResults.PartnerFound),
            Reporting(FollowUpResults.FundingRaised), Reporting(FollowUpResults.NothingYet));
    }

    /// <summary>Both sides' answers as one: every result either reported; "nothing yet" only when neither reported one.</summary>
    public static FollowUpResults Combined(FollowUpResults? advisor, FollowUpResults? founder)
    {
        var results = ((advisor ?? FollowUpResults.None) | (founder ?? FollowUpResults.None)) & ~FollowUpResults.NothingYet;
        return results == FollowUpResults.None && (advisor is not null || founder is not null) ? FollowUpResults.NothingYet : results;
    }
}
