using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.MyRequests;

/// <summary>A founder's answer to "did you get help?" on a referral made for their company (ADR 1776).</summary>
public sealed class ConfirmationInput
{
    public FounderConfirmation? Answer { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }

    /// <summary>The referral's version the page showed (docs/decisions/1050).</summary>
    public int Version { get; set; }
}

public sealed class ConfirmationInputValidator : AbstractValidator<ConfirmationInput>
{
    public ConfirmationInputValidator()
    {
        RuleFor(i => i.Answer).NotNull().WithMessage("Choose whether you got help.")
            .IsInEnum().WithMessage("Choose whether you got help.");
        RuleFor(i => i.Comment).MaximumLength(Referral.FounderTextMaxLength).WithMessage("Keep the comment under 1,000 characters.");
    }
}
