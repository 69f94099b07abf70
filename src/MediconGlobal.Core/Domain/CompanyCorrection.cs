namespace MediconGlobal.Core.Domain;

/// <summary>
/// A founder's proposal to correct their company's profile as the incubator holds it (issue 17 item 5). It follows
/// the pattern of <see cref="CorrectionRequest"/> (the provider's inbox for listings): free text in, answered once
/// by the company's advisors — accepted (they correct the profile themselves on its edit page) or declined, with a
/// reply the founder reads on <c>/my-company</c>. Founders never edit the profile directly: the incubator stays
/// the keeper of the record (ADR 1702).
/// </summary>
public class CompanyCorrection : Entity
{
    /// <summary>The longest proposal or reply, in characters.</summary>
    public const int MessageLength = 2000;

    private CompanyCorrection()
    {
    }

    /// <param name="companyId">The company whose profile the proposal is about.</param>
    /// <param name="message">What is wrong and what it should say (trimmed, at most <see cref="MessageLength"/>).</param>
    /// <param name="by">The founder who proposes it (an account), named as advisors see it.</param>
    /// <param name="at">When (UTC).</param>
    public CompanyCorrection(int companyId, string message, Actor by, DateTime at)
    {
        CompanyId = companyId;
        Message = message;
        ProposedByUserId = by.RequireAccount();
        ProposedByName = by.Name;
        ProposedAt = at;
    }

    public int CompanyId { get; private set; }

    public Company? Company { get; private set; }

    public string Message { get; private set; } = "";

    public string ProposedByUserId { get; private set; } = "";

    public string ProposedByName { get; private set; } = "";

    public DateTime ProposedAt { get; private set; }

    /// <summary>Open, then <see cref="CorrectionStatus.Resolved"/> (accepted) or <see cref="CorrectionStatus.Dismissed"/> (declined).</summary>
    public CorrectionStatus Status { get; private set; } = CorrectionStatus.Open;

    public string? Response { get; private set; }

    public string? AnsweredByUserId { get; private set; }

    public string? AnsweredByName { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    /// <summary>Accepts or declines the proposal once; a second answer is refused with <see cref="DomainRuleException"/>.</summary>
    public void Answer(CorrectionStatus outcome, string? response, Actor by, DateTime at)
    {
        if (Status != CorrectionStatus.Open)
        {
            throw new DomainRuleException("This proposal has already been answered.");
        }

        if (outcome == CorrectionStatus.Open)
        {
            throw new DomainRuleException("An answer accepts or declines the proposal.");
        }

        Status = outcome;
        Response = string.IsNullOrWhiteSpace(response) ? null : response.Trim();
        AnsweredByUserId = by.RequireAccount();
        AnsweredByName = by.Name;
        AnsweredAt = at;
    }
}
