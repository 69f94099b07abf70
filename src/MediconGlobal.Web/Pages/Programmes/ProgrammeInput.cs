using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Programmes;

/// <summary>
/// The programme form (issue 11, item 3): lead, partners with roles, funder and funding (entered in major units,
/// stored as integer minor units with the currency), dates, status, texts and result indicators.
/// </summary>
public sealed class ProgrammeInput
{
    public const int BlankRows = 2;

    public string? Name { get; set; }

    public int? LeadOrganisationId { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    public string? Funder { get; set; }

    public int? FunderOrganisationId { get; set; }

    /// <summary>Funding in major units as typed ("2138347" or "2 138 347,50"); stored in minor units.</summary>
    public string? FundingAmount { get; set; }

    public Currency? FundingCurrency { get; set; }

    public string? ReferenceNumber { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public ProgrammeStatus? Status { get; set; }

    [DataType(DataType.MultilineText)]
    public string? TargetGroup { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Geography { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Activities { get; set; }

    [DataType(DataType.MultilineText)]
    public string? LessonsLearned { get; set; }

    /// <summary>One web address per line.</summary>
    [DataType(DataType.MultilineText)]
    public string? Links { get; set; }

    /// <summary>Existing partners plus blank rows; a row without an organisation is removed or ignored.</summary>
    public List<PartnerInput> Partners { get; set; } = [];

    /// <summary>Existing indicators plus blank rows; a row without a metric is removed or ignored.</summary>
    public List<IndicatorInput> Indicators { get; set; } = [];

    public int Version { get; set; }

    public static ProgrammeInput From(Programme programme) => new()
    {
        Name = programme.Name,
        LeadOrganisationId = programme.LeadOrganisationId,
        Description = programme.Description,
        Funder = programme.Funder,
        FunderOrganisationId = programme.FunderOrganisationId,
        FundingAmount = programme.FundingAmountMinor is { } minor ? (minor / 100m).ToString(minor % 100 == 0 ? "0" : "0.00", CultureInfo.InvariantCulture) : null,
        FundingCurrency = programme.FundingCurrency,
        ReferenceNumber = programme.ReferenceNumber,
        StartDate = programme.StartDate,
        EndDate = programme.EndDate,
        Status = programme.Status,
        TargetGroup = programme.TargetGroup,
        Geography = programme.Geography,
        Activities = programme.Activities,
        LessonsLearned = programme.LessonsLearned,
        Links = programme.Links,
        Partners = programme.Partners.OrderBy(p => p.Organisation?.Name, NameOrder.Comparer()).Select(p => new PartnerInput { OrganisationId = p.OrganisationId, Role = p.Role }).ToList(),
        Indicators = programme.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new IndicatorInput { Id = i.Id, Metric = i.Metric, Target = i.Target, Actual = i.Actual, Funnel = i.Funnel, Notes = i.Notes }).ToList(),
        Version = programme.Version,
    };

    /// <summary>
    /// The form's values in words, for showing the other person's saved values after a conflict, as the form shows
    /// them: the status through <paramref name="t"/> in the page's language.
    /// </summary>
    public IReadOnlyDictionary<string, string> Describe(IReadOnlyList<(int Id, string Name)> organisations, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        string Organisation(int? id) => organisations.FirstOrDefault(o => o.Id == id).Name ?? "";
        static string Text(string? value) => value?.Trim() ?? "";
        return new Dictionary<string, string>
        {
            [nameof(Name)] = Text(Name),
            [nameof(LeadOrganisationId)] = Organisation(LeadOrganisationId),
            [nameof(Status)] = Status is { } status ? t[DisplayNames.Of(status)].Value : "",
            [nameof(ReferenceNumber)] = Text(ReferenceNumber),
            [nameof(StartDate)] = StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            [nameof(EndDate)] = EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            [nameof(Description)] = Text(Description),
            [nameof(TargetGroup)] = Text(TargetGroup),
            [nameof(Geography)] = Text(Geography),
            [nameof(Activities)] = Text(Activities),
            [nameof(LessonsLearned)] = Text(LessonsLearned),
            [nameof(Links)] = Text(Links),
            [nameof(Funder)] = Text(Funder),
            [nameof(FunderOrganisationId)] = Organisation(FunderOrganisationId),
            [nameof(FundingAmount)] = ToMinorUnits(FundingAmount) is { } minor ? (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture) : Text(FundingAmount),
            [nameof(FundingCurrency)] = FundingCurrency?.ToString() ?? "", // same in every language
            [nameof(Partners)] = string.Join("; ", Partners.Where(p => p.OrganisationId is not null).Select(p => $"{Organisation(p.OrganisationId)} ({Text(p.Role)})").Order()),
            [nameof(Indicators)] = string.Join("; ", Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Metric)).Select(i => $"{Text(i.Metric)}: {i.Target?.ToString(CultureInfo.InvariantCulture) ?? "–"} / {i.Actual?.ToString(CultureInfo.InvariantCulture) ?? "–"}")),
        };
    }

    /// <summary>The amount typed, in minor units; null when empty or not a number with at most two decimals.</summary>
    public static long? ToMinorUnits(string? amount)
    {
        if (string.IsNullOrWhiteSpace(amount))
        {
            return null;
        }

        var plain = new string(amount.Where(c => !char.IsWhiteSpace(c) && c != '\u00a0' && c != '\u202f').ToArray()).Replace(',', '.');
        return System.Text.RegularExpressions.Regex.IsMatch(plain, @"^\d{1,13}(\.\d{1,2})?$")
            && decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (long)(value * 100)
            : null;
    }

    /// <summary>Copies a validated form onto the programme, replacing its partners and indicators.</summary>
    public void ApplyTo(Programme programme)
    {
        programme.Name = Name!.Trim();
        programme.LeadOrganisationId = LeadOrganisationId!.Value;
        programme.Description = Clean(Description);
        programme.Funder = Clean(Funder);
        programme.FunderOrganisationId = FunderOrganisationId;
        programme.FundingAmountMinor = ToMinorUnits(FundingAmount);
        programme.FundingCurrency = programme.FundingAmountMinor is null ? null : FundingCurrency;
        programme.ReferenceNumber = Clean(ReferenceNumber);
        programme.StartDate = StartDate;
        programme.EndDate = EndDate;
        programme.Status = Status!.Value;
        programme.TargetGroup = Clean(TargetGroup);
        programme.Geography = Clean(Geography);
        programme.Activities = Clean(Activities);
        programme.LessonsLearned = Clean(LessonsLearned);
        programme.Links = Clean(Links);

        var partners = Partners.Where(p => p.OrganisationId is not null).GroupBy(p => p.OrganisationId!.Value).ToDictionary(g => g.Key, g => Clean(g.First().Role));
        foreach (var gone in programme.Partners.Where(p => !partners.ContainsKey(p.OrganisationId)).ToList())
        {
            programme.Partners.Remove(gone);
        }

        foreach (var (organisationId, role) in partners)
        {
            if (programme.Partners.FirstOrDefault(p => p.OrganisationId == organisationId) is { } partner)
            {
                partner.Role = role;
            }
            else
            {
                programme.Partners.Add(new ProgrammePartner { OrganisationId = organisationId, Role = role });
            }
        }

        var kept = Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Metric)).ToList();
        foreach (var gone in programme.Indicators.Where(i => !kept.Any(k => k.Id == i.Id)).ToList())
        {
            programme.Indicators.Remove(gone);
        }

        var order = 0;
        foreach (var row in kept)
        {
            var indicator = programme.Indicators.FirstOrDefault(i => row.Id != 0 && i.Id == row.Id);
            if (indicator is null)
            {
                indicator = new ProgrammeIndicator();
                programme.Indicators.Add(indicator);
            }

            (indicator.Metric, indicator.Target, indicator.Actual, indicator.Funnel, indicator.Notes, indicator.SortOrder) =
                (row.Metric!.Trim(), row.Target, row.Actual, Clean(row.Funnel), Clean(row.Notes), ++order);
        }
    }

    /// <summary>Adds the blank partner and indicator rows a form shows for new entries.</summary>
    public ProgrammeInput WithBlankRows()
    {
        Partners.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new PartnerInput()));
        Indicators.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new IndicatorInput()));
        return this;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class PartnerInput
{
    public int? OrganisationId { get; set; }

    /// <summary>e.g. "coordinator", "partner", "funder".</summary>
    public string? Role { get; set; }
}

public sealed class IndicatorInput
{
    public int Id { get; set; }

    public string? Metric { get; set; }

    public int? Target { get; set; }

    public int? Actual { get; set; }

    public string? Funnel { get; set; }

    public string? Notes { get; set; }
}

public sealed class ProgrammeInputValidator : AbstractValidator<ProgrammeInput>
{
    /// <param name="organisationIds">Every organisation a lead, funder or partner may be.</param>
    /// <param name="indicatorIds">The ids of the programme's stored indicators (a row may only update one of them).</param>
    public ProgrammeInputValidator(IReadOnlySet<int> organisationIds, IReadOnlySet<int> indicatorIds)
    {
        RuleFor(i => i.Name).NotEmpty().WithMessage("Give the programme a name.").MaximumLength(Entity.NameMaxLength).WithMessage("Keep the name under 200 characters.");
        RuleFor(i => i.LeadOrganisationId).NotNull().WithMessage("Choose the lead organisation.")
            .Must(id => id is null || organisationIds.Contains(id.Value)).WithMessage("Choose the lead organisation from the list.");
        RuleFor(i => i.FunderOrganisationId).Must(id => id is null || organisationIds.Contains(id.Value)).WithMessage("Choose the funder from the list.");
        RuleFor(i => i.Description).MaximumLength(Programme.TextMaxLength).WithMessage("Keep the description under 8,000 characters.");
        RuleFor(i => i.Funder).MaximumLength(Entity.NameMaxLength).WithMessage("Keep the funder's name under 200 characters.");
        RuleFor(i => i.FundingAmount).Must(a => string.IsNullOrWhiteSpace(a) || ProgrammeInput.ToMinorUnits(a) is not null)
            .WithMessage("Write the amount as a number with at most two decimals, for example 2138347 or 2138347.50.");
        RuleFor(i => i.FundingCurrency).NotNull().When(i => !string.IsNullOrWhiteSpace(i.FundingAmount)).WithMessage("Choose the currency of the funding.")
            .IsInEnum().WithMessage("Choose a currency from the list.");
        RuleFor(i => i.ReferenceNumber).MaximumLength(64).WithMessage("Keep the reference number under 64 characters.");
        RuleFor(i => i.StartDate).Must(CalendarDates.Contains).WithMessage("Enter a start date between {CalendarEarliest} and {CalendarLatest}.");
        RuleFor(i => i.EndDate).Must(CalendarDates.Contains).WithMessage("Enter an end date between {CalendarEarliest} and {CalendarLatest}.")
            .GreaterThanOrEqualTo(i => i.StartDate).When(i => i.StartDate is not null && i.EndDate is not null)
            .WithMessage("The end date cannot be before the start date.");
        RuleFor(i => i.Status).NotNull().WithMessage("Choose the status.").IsInEnum().WithMessage("Choose a status from the list.");
        RuleFor(i => i.TargetGroup).MaximumLength(Programme.ShortTextMaxLength).WithMessage("Keep the target group under 2,000 characters.");
        RuleFor(i => i.Geography).MaximumLength(Programme.ShortTextMaxLength).WithMessage("Keep the geography under 2,000 characters.");
        RuleFor(i => i.Activities).MaximumLength(Programme.TextMaxLength).WithMessage("Keep the activities under 8,000 characters.");
        RuleFor(i => i.LessonsLearned).MaximumLength(Programme.TextMaxLength).WithMessage("Keep the lessons learned under 8,000 characters.");
        RuleFor(i => i.Links).MaximumLength(Programme.LinksMaxLength).WithMessage("Keep the links under 4,000 characters.")
            .Must(links => links is null || links.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(WebLinks.IsSafe))
            .WithMessage("Put one web address starting with https:// on each line.");
        RuleFor(i => i.Partners).Must(rows => rows.Where(p => p.OrganisationId is not null).GroupBy(p => p.OrganisationId).All(g => g.Count() == 1))
            .WithMessage("Each partner organisation is listed once.");
        RuleForEach(i => i.Partners).ChildRules(partner =>
        {
            partner.RuleFor(p => p.OrganisationId).Must(id => id is null || organisationIds.Contains(id.Value)).WithMessage("Choose the partner from the list.");
            partner.RuleFor(p => p.OrganisationId).NotNull().When(p => !string.IsNullOrWhiteSpace(p.Role)).WithMessage("Choose the organisation that has this role.");
            partner.RuleFor(p => p.Role).MaximumLength(Entity.NameMaxLength).WithMessage("Keep the role under 200 characters.");
        });
        RuleForEach(i => i.Indicators).ChildRules(indicator =>
        {
            indicator.RuleFor(x => x.Id).Must(id => id == 0 || indicatorIds.Contains(id)).WithMessage("That indicator is not part of this programme.");
            indicator.RuleFor(x => x.Metric).NotEmpty().When(x => x.Target is not null || x.Actual is not null || !string.IsNullOrWhiteSpace(x.Funnel) || !string.IsNullOrWhiteSpace(x.Notes))
                .WithMessage("Say what the indicator counts.").MaximumLength(500).WithMessage("Keep the metric under 500 characters.");
            indicator.RuleFor(x => x.Target).GreaterThanOrEqualTo(0).When(x => x.Target is not null).WithMessage("A target is a count, 0 or more.");
            indicator.RuleFor(x => x.Actual).GreaterThanOrEqualTo(0).When(x => x.Actual is not null).WithMessage("An actual value is a count, 0 or more.");
            indicator.RuleFor(x => x.Funnel).MaximumLength(Entity.NameMaxLength).WithMessage("Keep a funnel name under 200 characters.");
            indicator.RuleFor(x => x.Notes).MaximumLength(ProgrammeIndicator.NotesMaxLength).WithMessage("Keep the notes under 2,000 characters.");
        });
    }
}
