using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.Referrals;

/// <summary>One side's answer to "what came of it?" after a completed referral (ADR 1777): one box per result.</summary>
public sealed class FollowUpInput
{
    public bool MarketEntered { get; set; }

    public bool PartnerFound { get; set; }

    public bool FundingRaised { get; set; }

    public bool NothingYet { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }

    /// <summary>The referral's version the page showed (docs/decisions/1050).</summary>
    public int Version { get; set; }

    /// <summary>The boxes ticked, as one value.</summary>
    public FollowUpResults Results =>
        (MarketEntered ? FollowUpResults.MarketEntered : FollowUpResults.None)
        | (PartnerFound ? FollowUpResults.PartnerFound : FollowUpResults.None)
        | (FundingRaised ? FollowUpResults.FundingRaised : FollowUpResults.None)
        | (NothingYet ? FollowUpResults.NothingYet : FollowUpResults.None);

    /// <summary>Ticks the boxes of a saved answer.</summary>
    public void Show(FollowUpResults results, string? comment)
    {
        (MarketEntered, PartnerFound, FundingRaised, NothingYet) = (results.HasFlag(FollowUpResults.MarketEntered), results.HasFlag(FollowUpResults.PartnerFound),
            results.HasFlag(FollowUpResults.FundingRaised), results.HasFlag(FollowUpResults.NothingYet));
        Comment = comment;
    }
}

public sealed class FollowUpInputValidator : AbstractValidator<FollowUpInput>
{
    public FollowUpInputValidator()
    {
        RuleFor(i => i.Results).NotEqual(FollowUpResults.None).WithMessage("Tick what came of it, or \"nothing yet\".")
            .Must(r => r == FollowUpResults.None || Referral.IsValidFollowUp(r)).WithMessage("\"Nothing yet\" cannot be ticked together with a result.");
        RuleFor(i => i.Comment).MaximumLength(Referral.FounderTextMaxLength).WithMessage("Keep the comment under 1,000 characters.");
    }
}
