using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Web.Infrastructure.Localisation;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Activities;

/// <summary>
/// The activity form (issue 17 item 1): format, date, topic, organiser, markets and sectors, participating
/// companies and organisations, and the outcome counts (whole numbers, empty when not counted).
/// </summary>
public sealed class ActivityInput
{
    public string? Topic { get; set; }

    public ActivityKind? Kind { get; set; }

    public DateOnly? Date { get; set; }

    public int? OrganiserId { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    public List<int> MarketIds { get; set; } = [];

    public List<int> SectorIds { get; set; } = [];

    /// <summary>Participating companies among those the viewer may identify; others stay as recorded.</summary>
    public List<int> CompanyIds { get; set; } = [];

    public List<int> OrganisationIds { get; set; } = [];

    public int? ParticipantCount { get; set; }

    public int? FollowUpCount { get; set; }

    public int? ContinuingCount { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Outcome { get; set; }

    public int Version { get; set; }

    /// <summary>The form as stored; <paramref name="identifiable"/> are the companies the viewer may see named.</summary>
    public static ActivityInput From(Activity activity, IReadOnlySet<int> identifiable) => new()
    {
        Topic = activity.Name,
        Kind = activity.Kind,
        Date = activity.Date,
        OrganiserId = activity.OrganiserId,
        Description = activity.Description,
        MarketIds = activity.Terms.Where(t => t.Term!.Kind == TaxonomyKind.Market).Select(t => t.TermId).ToList(),
        SectorIds = activity.Terms.Where(t => t.Term!.Kind == TaxonomyKind.Sector).Select(t => t.TermId).ToList(),
        CompanyIds = activity.Participants.Select(p => p.CompanyId).Where(identifiable.Contains).ToList(),
        OrganisationIds = activity.Organisations.Select(o => o.OrganisationId).ToList(),
        ParticipantCount = activity.ParticipantCount,
        FollowUpCount = activity.FollowUpCount,
        ContinuingCount = activity.ContinuingCount,
        Outcome = activity.Outcome,
        Version = activity.Version,
    };

    /// <summary>The validated form as the core command's change.</summary>
    public ActivityChange ToChange() => new(
        Topic!, Kind!.Value, Date!.Value, OrganiserId, Description, ParticipantCount, FollowUpCount, ContinuingCount, Outcome,
        CompanyIds, OrganisationIds, MarketIds, SectorIds);

    /// <summary>
    /// The form's values in words, for showing the other person's saved values after a conflict (ADR 1050), as the
    /// form shows them: the format through <paramref name="t"/>, markets and sectors by their labels in the page's
    /// language (<paramref name="names"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Describe(ActivityChoices choices, PageTerms names, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(t);
        List<(int Id, string Name)> Labelled(IReadOnlyList<(int Id, string Name)> terms) => terms.Select(term => (term.Id, names.Of(term.Id, term.Name))).ToList();
        static string Text(string? value) => value?.Trim() ?? "";
        static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
        static string Names(IEnumerable<int> ids, IReadOnlyList<(int Id, string Name)> options) =>
            string.Join("; ", options.Where(o => ids.Contains(o.Id)).Select(o => o.Name));
        return new Dictionary<string, string>
        {
            [nameof(Topic)] = Text(Topic),
            [nameof(Kind)] = Kind is { } kind ? t[DisplayNames.Of(kind)].Value : "",
            [nameof(Date)] = Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            [nameof(OrganiserId)] = Names(OrganiserId is { } id ? [id] : [], choices.Organisations),
            [nameof(Description)] = Text(Description),
            [nameof(MarketIds)] = Names(MarketIds, Labelled(choices.Markets)),
            [nameof(SectorIds)] = Names(SectorIds, Labelled(choices.Sectors)),
            [nameof(CompanyIds)] = Names(CompanyIds, choices.Companies),
            [nameof(OrganisationIds)] = Names(OrganisationIds, choices.Organisations),
            [nameof(ParticipantCount)] = Count(ParticipantCount),
            [nameof(FollowUpCount)] = Count(FollowUpCount),
            [nameof(ContinuingCount)] = Count(ContinuingCount),
            [nameof(Outcome)] = Text(Outcome),
        };
    }
}

/// <summary>
/// The activity form's rules. Messages are the English keys the page passes through the localiser
/// (<c>ValidationExtensions.IsValid</c>); every choice must be one the form offered.
/// </summary>
public sealed class ActivityInputValidator : AbstractValidator<ActivityInput>
{
    /// <summary>A count above this is a typing error: no activity of a regional programme reaches a million people.</summary>
    public const int MaxCount = 1_000_000;

    private const string CountMessage = "Give counts as whole numbers from 0 to 1,000,000.";

    public ActivityInputValidator(ActivityChoices choices)
    {
        RuleFor(i => i.Topic).NotEmpty().WithMessage("Give the activity's topic.")
            .MaximumLength(Activity.TopicLength).WithMessage("Keep the topic under 200 characters.");
        RuleFor(i => i.Kind).NotNull().WithMessage("Choose the format.")
            .IsInEnum().WithMessage("Choose the format from the list.");
        RuleFor(i => i.Date).NotNull().WithMessage("Give the date of the activity.")
            .Must(CalendarDates.Contains).WithMessage("Enter the date between {CalendarEarliest} and {CalendarLatest}.");
        RuleFor(i => i.OrganiserId).Must(id => id is null || choices.Organisations.Any(o => o.Id == id)).WithMessage("Choose the organiser from the list.");
        RuleFor(i => i.Description).MaximumLength(Activity.TextLength).WithMessage("Keep the description under 4,000 characters.");
        RuleFor(i => i.Outcome).MaximumLength(Activity.TextLength).WithMessage("Keep the outcome under 4,000 characters.");
        RuleFor(i => i.MarketIds).Must(ids => ids.All(id => choices.Markets.Any(m => m.Id == id))).WithMessage("Choose markets from the list.");
        RuleFor(i => i.SectorIds).Must(ids => ids.All(id => choices.Sectors.Any(s => s.Id == id))).WithMessage("Choose sectors from the list.");
        RuleFor(i => i.CompanyIds).Must(ids => ids.All(id => choices.Companies.Any(c => c.Id == id))).WithMessage("Choose participating companies from the list.");
        RuleFor(i => i.OrganisationIds).Must(ids => ids.All(id => choices.Organisations.Any(o => o.Id == id))).WithMessage("Choose participating organisations from the list.");
        RuleFor(i => i.ParticipantCount).InclusiveBetween(0, MaxCount).WithMessage(CountMessage);
        RuleFor(i => i.FollowUpCount).InclusiveBetween(0, MaxCount).WithMessage(CountMessage);
        RuleFor(i => i.ContinuingCount).InclusiveBetween(0, MaxCount).WithMessage(CountMessage);
        RuleFor(i => i.ContinuingCount).Must((input, continuing) => continuing is null || input.ParticipantCount is null || continuing <= input.ParticipantCount)
            .WithMessage("Companies continuing cannot be more than the participants.");
    }
}
