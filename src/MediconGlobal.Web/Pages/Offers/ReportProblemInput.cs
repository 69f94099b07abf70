using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.Offers;

/// <summary>The "report a problem with this listing" form.</summary>
public sealed class ReportProblemInput
{
    [DataType(DataType.MultilineText)]
    public string? Message { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }
}

public sealed class ReportProblemValidator : AbstractValidator<ReportProblemInput>
{
    public ReportProblemValidator()
    {
        RuleFor(i => i.Message).NotEmpty().WithMessage("Describe what is wrong or out of date.")
            .MinimumLength(10).WithMessage("Tell the provider a little more (at least 10 characters).")
            .MaximumLength(CorrectionRequest.MessageLength).WithMessage("Keep the description under 2,000 characters.");
        RuleFor(i => i.Name).MaximumLength(Entity.NameMaxLength).WithMessage("Keep your name under 200 characters.");
        RuleFor(i => i.Email).EmailAddress().WithMessage("Enter an email address like name@example.com, or leave it empty.")
            .MaximumLength(256).WithMessage("Keep the email address under 256 characters.");
    }
}
