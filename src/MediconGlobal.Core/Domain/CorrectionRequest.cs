using System.Linq.Expressions;

namespace MediconGlobal.Core.Domain;

public enum CorrectionStatus
{
    Open,
    Resolved,
    Dismissed,
}

/// <summary>
/// Someone reported a problem with an offer's listing. It lands in the provider's inbox, where partner staff
/// answer it once: resolved (the listing was corrected) or dismissed (nothing to change), with a reply.
/// </summary>
public class CorrectionRequest : Entity
{
    public const int MessageLength = 2000;

    /// <summary>How long a provider has to answer before project managers see the report as overdue (issue 17 item 4; the same 14 days as a referral).</summary>
    public static readonly TimeSpan AnswerDueWithin = TimeSpan.FromDays(14);

    private CorrectionRequest()
    {
    }

    public CorrectionRequest(Offer offer, string message, string? reporterName, string? reporterEmail, string? submittedByUserId, DateTime at)
    {
        Offer = offer;
        OfferId = offer.Id;
        OrganisationId = offer.ProviderId;
        Message = message;
        ReporterName = reporterName;
        ReporterEmail = reporterEmail;
        SubmittedByUserId = submittedByUserId;
        SubmittedAt = at;
    }

    public int OfferId { get; private set; }

    public Offer? Offer { get; private set; }

    /// <summary>The provider whose inbox holds the request (the offer's provider when it was sent).</summary>
    public int OrganisationId { get; private set; }

    public string Message { get; private set; } = "";

    public string? ReporterName { get; private set; }

    /// <summary>Where the provider can reply, if the reporter wants an answer.</summary>
    public string? ReporterEmail { get; private set; }

    public string? SubmittedByUserId { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public CorrectionStatus Status { get; private set; } = CorrectionStatus.Open;

    public string? Response { get; private set; }

    public string? AnsweredByName { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    /// <summary>The rule "unanswered for <see cref="AnswerDueWithin"/>" at <paramref name="now"/> (UTC), for queries.</summary>
    public static Expression<Func<CorrectionRequest, bool>> IsOverdueAt(DateTime now)
    {
        var submittedBefore = now - AnswerDueWithin;
        return c => c.Status == CorrectionStatus.Open && c.SubmittedAt <= submittedBefore;
    }

    /// <summary><see cref="IsOverdueAt"/> for one loaded report.</summary>
    public bool IsOverdue(DateTime now) => Status == CorrectionStatus.Open && SubmittedAt <= now - AnswerDueWithin;

    /// <summary>When the provider is merged into another organisation, its inbox goes with it.</summary>
    internal void MoveToOrganisation(int organisationId) => OrganisationId = organisationId;

    public void Answer(CorrectionStatus outcome, string response, string byName, DateTime at)
    {
        if (Status != CorrectionStatus.Open)
        {
            throw new DomainRuleException("This correction request has already been answered.");
        }

        if (outcome == CorrectionStatus.Open)
        {
            throw new DomainRuleException("An answer resolves or dismisses the request.");
        }

        Status = outcome;
        Response = response;
        AnsweredByName = byName;
        AnsweredAt = at;
    }
}
