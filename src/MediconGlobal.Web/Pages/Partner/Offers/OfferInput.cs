using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.Partner.Offers;

/// <summary>The offer form: what partner staff edit. Empty term lists mean "any".</summary>
public sealed class OfferInput
{
    public string? Name { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    public int? CategoryId { get; set; }

    public OfferFormat? Format { get; set; }

    public CostType? Cost { get; set; }

    public string? CostDetails { get; set; }

    [DataType(DataType.MultilineText)]
    public string? HowToApply { get; set; }

    public string? Dates { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public DateOnly? ApplicationDeadline { get; set; }

    [Display(Name = "Places")]
    public int? Capacity { get; set; }

    /// <summary>Who makes the first move after an application or a referral.</summary>
    [Display(Name = "What happens next")]
    public NextStep NextStep { get; set; }

    /// <summary>Within how many working days the next step usually happens; empty when not stated.</summary>
    [Display(Name = "Usually within (working days)")]
    public int? NextStepWorkingDays { get; set; }

    /// <summary>Documents to prepare, one per line, each optionally ending with a template's web address.</summary>
    [DataType(DataType.MultilineText)]
    [Display(Name = "Documents to prepare")]
    public string? RequiredDocuments { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? Website { get; set; }

    public int? ProgrammeId { get; set; }

    public List<int> MarketIds { get; set; } = [];

    public List<int> StageIds { get; set; } = [];

    public List<int> SectorIds { get; set; } = [];

    public List<int> RegionIds { get; set; } = [];

    public List<int> LanguageIds { get; set; } = [];

    /// <summary>The version the form was loaded at; a save against a newer version is a conflict.</summary>
    public int Version { get; set; }
}

public sealed class OfferInputValidator : AbstractValidator<OfferInput>
{
    /// <param name="options">The form's choices: retired terms are refused unless the stored offer already has them.</param>
    /// <param name="programmeIds">The programmes the form offers.</param>
    public OfferInputValidator(OfferFormOptions options, IReadOnlyCollection<int> programmeIds)
    {
        var terms = options.Terms;
        bool AllOfKind(List<int> ids, TaxonomyKind kind) => terms.AreChoices(ids, kind, options.Kept);

        RuleFor(i => i.Name).NotEmpty().WithMessage("Give the offer a name.")
            .MaximumLength(Entity.NameMaxLength).WithMessage("Keep the name under 200 characters.");
        RuleFor(i => i.Description).NotEmpty().WithMessage("Describe what the offer gives a company.")
            .MaximumLength(Offer.DescriptionMaxLength).WithMessage("Keep the description under 8,000 characters.");
        RuleFor(i => i.CategoryId).NotNull().WithMessage("Choose the kind of help.")
            .Must(id => id is null || AllOfKind([id.Value], TaxonomyKind.SupportCategory)).WithMessage("Choose a kind of help from the list.");
        RuleFor(i => i.Format).NotNull().WithMessage("Choose a format.").IsInEnum().WithMessage("Choose a format from the list.")
            .Must(f => f is null || options.Formats.Any(t => t.Code == f.ToString())).WithMessage("Choose a format from the list.");
        RuleFor(i => i.Cost).NotNull().WithMessage("Say what it costs.").IsInEnum().WithMessage("Choose a cost from the list.");
        RuleFor(i => i.CostDetails).MaximumLength(Offer.DetailsMaxLength).WithMessage("Keep the cost details under 1,000 characters.");
        RuleFor(i => i.HowToApply).NotEmpty().WithMessage("Tell founders how to apply.")
            .MaximumLength(Offer.HowToApplyMaxLength).WithMessage("Keep “how to apply” under 4,000 characters.");
        RuleFor(i => i.Dates).MaximumLength(Offer.DetailsMaxLength).WithMessage("Keep the dates under 1,000 characters.");
        RuleFor(i => i.StartsOn).Must(CalendarDates.Contains).WithMessage("Enter a start date between {CalendarEarliest} and {CalendarLatest}.");
        RuleFor(i => i.EndsOn).Must(CalendarDates.Contains).WithMessage("Enter an end date between {CalendarEarliest} and {CalendarLatest}.");
        RuleFor(i => i.ApplicationDeadline).Must(CalendarDates.Contains).WithMessage("Enter an application deadline between {CalendarEarliest} and {CalendarLatest}.");
        RuleFor(i => i.EndsOn).GreaterThanOrEqualTo(i => i.StartsOn).When(i => i.StartsOn is not null && i.EndsOn is not null)
            .WithMessage("The end date cannot be before the start date.");
        RuleFor(i => i.Capacity).GreaterThan(0).When(i => i.Capacity is not null).WithMessage("Capacity is a number of places, at least 1.");
        RuleFor(i => i.NextStep).IsInEnum().WithMessage("Choose what happens next from the list.");
        RuleFor(i => i.NextStepWorkingDays).InclusiveBetween(1, Offer.NextStepMaxWorkingDays).When(i => i.NextStepWorkingDays is not null)
            .WithMessage("Give the time to the next step as a number of working days from 1 to 60.");
        RuleFor(i => i.NextStepWorkingDays).Null().When(i => i.NextStep == NextStep.NotStated)
            .WithMessage("Choose what happens next before you give its time.");
        RuleFor(i => i.RequiredDocuments).MaximumLength(Offer.RequiredDocumentsMaxLength).WithMessage("Keep the documents to prepare under 2,000 characters.")
            .Must(RequiredDocument.FitsCount).WithMessage("List at most 20 documents, one per line.")
            .Must(RequiredDocument.FitsLength).WithMessage("Keep each document under 250 characters.");
        RuleFor(i => i.ContactName).MaximumLength(Entity.NameMaxLength).WithMessage("Keep the contact name under 200 characters.");
        RuleFor(i => i.ContactEmail).EmailAddress().WithMessage("Enter an email address like name@example.com.")
            .MaximumLength(256).WithMessage("Keep the email address under 256 characters.");
        RuleFor(i => i.ContactPhone).MaximumLength(50).WithMessage("Keep the phone number under 50 characters.");
        RuleFor(i => i.Website).Must(w => string.IsNullOrWhiteSpace(w) || Shared.WebLinks.IsSafe(w)).WithMessage("Enter a web address starting with https://.")
            .MaximumLength(500).WithMessage("Keep the web address under 500 characters.");
        RuleFor(i => i.ProgrammeId).Must(id => id is null || programmeIds.Contains(id.Value)).WithMessage("Choose a programme from the list.");
        RuleFor(i => i.MarketIds).Must(ids => AllOfKind(ids, TaxonomyKind.Market)).WithMessage("Choose markets from the list.");
        RuleFor(i => i.StageIds).Must(ids => AllOfKind(ids, TaxonomyKind.Stage)).WithMessage("Choose stages from the list.");
        RuleFor(i => i.SectorIds).Must(ids => AllOfKind(ids, TaxonomyKind.Sector)).WithMessage("Choose sectors from the list.");
        RuleFor(i => i.RegionIds).Must(ids => AllOfKind(ids, TaxonomyKind.Region)).WithMessage("Choose regions from the list.");
        RuleFor(i => i.LanguageIds).Must(ids => AllOfKind(ids, TaxonomyKind.Language)).WithMessage("Choose languages from the list.");
    }
}
