using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Clients;

/// <summary>The client profile form, shared by "new client" and "edit client".</summary>
public sealed class CompanyInput
{
    public const string DefaultConsentPurpose = "Share the company's profile and needs with the partner organisations it is referred to."; // l10n

    public string Name { get; set; } = "";

    public string CountryCode { get; set; } = "SE";

    public string? OrganisationNumber { get; set; }

    public int? RegionId { get; set; }

    public int? SectorId { get; set; }

    public int? StageId { get; set; }

    public int? FoundedYear { get; set; }

    public int? Employees { get; set; }

    public int? HomeIncubatorId { get; set; }

    public string? Website { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    public List<int> MarketIds { get; set; } = [];

    /// <summary>New clients only: the company consents to sharing its data with partner organisations.</summary>
    public bool ConsentGiven { get; set; }

    [DataType(DataType.MultilineText)]
    public string? ConsentPurpose { get; set; } = DefaultConsentPurpose;

    /// <summary>New clients only: the advisor has seen the duplicate warning and creates the record anyway.</summary>
    public bool IgnoreDuplicates { get; set; }

    public int Version { get; set; }

    public CompanyProfile ToProfile() =>
        new(Name, CountryCode, OrganisationNumber, RegionId, SectorId, StageId, FoundedYear, Employees, HomeIncubatorId, Website, Description, MarketIds);

    /// <summary>
    /// The form's values in words, field by field, for a conflict's saved values, as the form shows them: choices by their option text
    /// (already in the page's language), the country through <paramref name="t"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Describe(TermOptions options, IReadOnlyList<SelectListItem> incubators, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(t);
        static string TextOf(IEnumerable<SelectListItem> items, int? id) =>
            id is { } value ? items.FirstOrDefault(i => i.Value == value.ToString(CultureInfo.InvariantCulture))?.Text ?? "" : "";
        return new Dictionary<string, string>
        {
            [nameof(Name)] = Name.Trim(),
            [nameof(CountryCode)] = CountryCode is { Length: > 0 } country ? t[CaseLabels.Country(country)].Value : "",
            [nameof(OrganisationNumber)] = OrganisationNumber?.Trim() ?? "",
            [nameof(RegionId)] = TextOf(options.Regions, RegionId),
            [nameof(SectorId)] = TextOf(options.Sectors, SectorId),
            [nameof(StageId)] = TextOf(options.Stages, StageId),
            [nameof(FoundedYear)] = FoundedYear?.ToString(CultureInfo.InvariantCulture) ?? "",
            [nameof(Employees)] = Employees?.ToString(CultureInfo.InvariantCulture) ?? "",
            [nameof(HomeIncubatorId)] = incubators.Count == 0 ? "" : TextOf(incubators, HomeIncubatorId),
            [nameof(Website)] = Website?.Trim() ?? "",
            [nameof(Description)] = Description?.Trim() ?? "",
            [nameof(MarketIds)] = string.Join(", ", options.Markets.Where(m => MarketIds.Contains(int.Parse(m.Value, CultureInfo.InvariantCulture))).Select(m => m.Text)),
        };
    }

    public static CompanyInput From(Company company) => new()
    {
        Name = company.Name,
        CountryCode = company.CountryCode,
        OrganisationNumber = company.OrganisationNumber is { } number ? Core.Domain.OrganisationNumber.Format(company.CountryCode, number) : null,
        RegionId = company.RegionId,
        SectorId = company.SectorId,
        StageId = company.StageId,
        FoundedYear = company.FoundedYear,
        Employees = company.Employees,
        HomeIncubatorId = company.HomeIncubatorId,
        Website = company.Website,
        Description = company.Description,
        MarketIds = company.Terms.Select(t => t.TermId).ToList(),
        Version = company.Version,
    };
}

public sealed class CompanyInputValidator : AbstractValidator<CompanyInput>
{
    public CompanyInputValidator(DateTime today)
    {
        RuleFor(i => i.Name).NotEmpty().WithMessage("Enter the company's name.").MaximumLength(Entity.NameMaxLength);
        RuleFor(i => i.CountryCode).Must(c => c is not null && CaseLabels.Countries.ContainsKey(c)).WithMessage("Choose a country from the list.");
        RuleFor(i => i.OrganisationNumber)
            .Must((input, number) => OrganisationNumber.Validate(input.CountryCode, number) is null)
            .When(i => !string.IsNullOrWhiteSpace(i.OrganisationNumber) && OrganisationNumber.IsSupportedCountry(i.CountryCode))
            .WithMessage(i => OrganisationNumber.Validate(i.CountryCode, i.OrganisationNumber)!);
        RuleFor(i => i.OrganisationNumber).MaximumLength(20).WithMessage("An organisation number has at most 20 characters.");
        RuleFor(i => i.FoundedYear).InclusiveBetween(1800, today.Year).When(i => i.FoundedYear is not null)
            .WithMessage("Enter a year between {From} and {To}.");
        RuleFor(i => i.Employees).InclusiveBetween(0, 1_000_000).When(i => i.Employees is not null)
            .WithMessage("Enter the number of employees (0 or more).");
        RuleFor(i => i.Website).MaximumLength(500)
            .Must(w => Uri.TryCreate(w, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(i => !string.IsNullOrWhiteSpace(i.Website))
            .WithMessage("Enter the full web address, starting with https://.");
        RuleFor(i => i.Description).MaximumLength(Company.DescriptionMaxLength);
        RuleFor(i => i.ConsentPurpose).NotEmpty().When(i => i.ConsentGiven)
            .WithMessage("Say what the company consents to, for example sharing its profile with partners it is referred to.")
            .MaximumLength(ConsentRecord.PurposeMaxLength);
    }
}
