using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.Programmes;

/// <summary>The "lessons learned and funnels" form of an initiative.</summary>
public sealed class ResultsInput
{
    [DataType(DataType.MultilineText)]
    public string? LessonsLearned { get; set; }

    public List<IndicatorFunnelInput> Indicators { get; set; } = [];

    public int Version { get; set; }
}

public sealed class IndicatorFunnelInput
{
    public int Id { get; set; }

    public string? Funnel { get; set; }
}

public sealed class ResultsInputValidator : AbstractValidator<ResultsInput>
{
    public ResultsInputValidator()
    {
        RuleFor(x => x.LessonsLearned).MaximumLength(Programme.TextMaxLength).WithMessage("Keep the lessons under 8000 characters.");
        RuleForEach(x => x.Indicators).ChildRules(indicator =>
            indicator.RuleFor(i => i.Funnel).MaximumLength(Entity.NameMaxLength).WithMessage("Keep a funnel name under 200 characters."));
    }
}
