using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.MyCompany;

/// <summary>A founder withdraws the consent recorded on the company's behalf, optionally saying why.</summary>
public sealed class WithdrawalInput
{
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    /// <summary>The company's version the page showed (docs/decisions/1050).</summary>
    public int Version { get; set; }
}

public sealed class WithdrawalInputValidator : AbstractValidator<WithdrawalInput>
{
    public const int ReasonLength = ConsentRecord.PurposeMaxLength;

    public WithdrawalInputValidator()
    {
        RuleFor(i => i.Reason).MaximumLength(ReasonLength).WithMessage("Keep the reason under 1,000 characters.");
    }
}

/// <summary>A founder's proposed correction of the company's profile, in their own words.</summary>
public sealed class ProposalInput
{
    [DataType(DataType.MultilineText)]
    public string Message { get; set; } = "";
}

public sealed class ProposalInputValidator : AbstractValidator<ProposalInput>
{
    public ProposalInputValidator()
    {
        RuleFor(i => i.Message).NotEmpty().WithMessage("Say what is wrong and what it should say.")
            .MaximumLength(CompanyCorrection.MessageLength).WithMessage("Keep the proposal under 2,000 characters.");
    }
}
