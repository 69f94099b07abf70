using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Partner;

/// <summary>What the shared organisation fields (<c>_OrganisationFields</c>) need from the page that shows them.</summary>
public interface IOrganisationFormPage
{
    ProfileInput Input { get; }

    TermCatalog Terms { get; }

    /// <summary>Term ids the stored organisation already has (type included): offered even when retired (ADR 1150).</summary>
    IReadOnlyCollection<int> Kept { get; }

    /// <summary>Organisation types as taxonomy terms whose code is the <see cref="OrganisationType"/> member name.</summary>
    IEnumerable<TermInfo> Types => Terms.ChoicesOf(TaxonomyKind.OrganisationType, Kept).Where(t => Enum.TryParse<OrganisationType>(t.Code, out _));
}

/// <summary>The organisation profile form.</summary>
public sealed class ProfileInput
{
    public string? Name { get; set; }

    public OrganisationType? Type { get; set; }

    public string? CountryCode { get; set; }

    public int? RegionId { get; set; }

    public string? Website { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    [DataType(DataType.MultilineText)]
    public string? CollaborationNeeds { get; set; }

    /// <summary>The organisation's response promise in working days; empty follows the portal's default (issue 19 item 1).</summary>
    [Display(Name = "Answers referrals within (working days)")]
    public int? AnswerWithinWorkingDays { get; set; }

    public List<int> ExpertiseIds { get; set; } = [];

    public List<int> SectorIds { get; set; } = [];

    public List<int> LanguageIds { get; set; } = [];

    /// <summary>Existing contacts plus blank rows; a row without a name is removed or ignored.</summary>
    public List<ContactInput> Contacts { get; set; } = [];

    public int Version { get; set; }

    public static ProfileInput From(Organisation organisation)
    {
        List<int> Of(TaxonomyKind kind) => organisation.Terms.Where(t => t.Term?.Kind == kind).Select(t => t.TermId).Order().ToList();
        return new ProfileInput
        {
            Name = organisation.Name,
            Type = organisation.Type,
            CountryCode = organisation.CountryCode,
            RegionId = organisation.RegionId,
            Website = organisation.Website,
            Description = organisation.Description,
            CollaborationNeeds = organisation.CollaborationNeeds,
            AnswerWithinWorkingDays = organisation.AnswerWithinWorkingDays,
            ExpertiseIds = Of(TaxonomyKind.SupportCategory),
            SectorIds = Of(TaxonomyKind.Sector),
            LanguageIds = Of(TaxonomyKind.Language),
            Contacts = organisation.Contacts.OrderBy(c => c.Id).Select(c => new ContactInput { Id = c.Id, Name = c.Name, Role = c.Role, Email = c.Email, Phone = c.Phone }).ToList(),
            Version = organisation.Version,
        };
    }

    /// <summary>The term ids an organisation already has, its type's term included, which its form keeps offering when retired.</summary>
    public static IReadOnlyCollection<int> KeptOf(Organisation? organisation, TermCatalog terms) =>
        organisation is null ? []
        : organisation.Terms.Select(t => t.TermId)
            .Concat(organisation.RegionId is { } region ? [region] : [])
            .Concat(terms.OfKind(TaxonomyKind.OrganisationType).Where(t => t.Code == organisation.Type.ToString()).Select(t => t.Id))
            .ToList();

    public async Task ApplyToAsync(AppDbContext db, Organisation organisation, CancellationToken cancellationToken)
    {
        var ids = ExpertiseIds.Concat(SectorIds).Concat(LanguageIds).ToList();
        var terms = await db.TaxonomyTerms.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        organisation.Name = Name!.Trim();
        organisation.Type = Type!.Value;
        organisation.CountryCode = CountryCode!.Trim().ToUpperInvariant();
        organisation.RegionId = RegionId;
        organisation.Website = Clean(Website);
        organisation.Description = Clean(Description);
        organisation.CollaborationNeeds = Clean(CollaborationNeeds);
        organisation.AnswerWithinWorkingDays = AnswerWithinWorkingDays;
        organisation.SetTerms(TaxonomyKind.SupportCategory, ExpertiseIds.Select(id => terms[id]));
        organisation.SetTerms(TaxonomyKind.Sector, SectorIds.Select(id => terms[id]));
        organisation.SetTerms(TaxonomyKind.Language, LanguageIds.Select(id => terms[id]));

        var kept = Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Name)).ToList();
        foreach (var gone in organisation.Contacts.Where(c => !kept.Any(k => k.Id == c.Id)).ToList())
        {
            organisation.Contacts.Remove(gone);
        }

        foreach (var row in kept)
        {
            var contact = organisation.Contacts.FirstOrDefault(c => row.Id != 0 && c.Id == row.Id);
            if (contact is null)
            {
                contact = new OrganisationContact();
                organisation.Contacts.Add(contact);
            }

            (contact.Name, contact.Role, contact.Email, contact.Phone) = (row.Name!.Trim(), Clean(row.Role), Clean(row.Email), Clean(row.Phone));
        }
    }

    /// <summary>
    /// The form's values in words, field by field, for showing the other person's saved values after a conflict: the
    /// type, region and terms as the form names them, in the page's language (<paramref name="names"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Describe(PageTerms names)
    {
        ArgumentNullException.ThrowIfNull(names);
        string Terms(List<int> ids) => names.Names(ids);
        static string Contact(ContactInput c) =>
            string.Join(", ", new[] { c.Name, c.Role, c.Email, c.Phone }.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)));
        return new Dictionary<string, string>
        {
            [nameof(Name)] = Name?.Trim() ?? "",
            [nameof(Type)] = Type is { } type ? names.Of(type) : "",
            [nameof(CountryCode)] = CountryCode?.Trim().ToUpperInvariant() ?? "",
            [nameof(RegionId)] = RegionId is { } region ? names.Of(region) : "",
            [nameof(Website)] = Website?.Trim() ?? "",
            [nameof(Description)] = Description?.Trim() ?? "",
            [nameof(CollaborationNeeds)] = CollaborationNeeds?.Trim() ?? "",
            [nameof(AnswerWithinWorkingDays)] = AnswerWithinWorkingDays?.ToString(System.Globalization.CultureInfo.CurrentCulture) ?? "",
            [nameof(ExpertiseIds)] = Terms(ExpertiseIds),
            [nameof(SectorIds)] = Terms(SectorIds),
            [nameof(LanguageIds)] = Terms(LanguageIds),
            [nameof(Contacts)] = string.Join("\n", Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Name)).Select(Contact)),
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class ContactInput
{
    public int Id { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

public sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    /// <param name="terms">All terms.</param>
    /// <param name="kept">Term ids the stored organisation has; retired terms outside it are refused.</param>
    public ProfileInputValidator(TermCatalog terms, IReadOnlyCollection<int> kept)
    {
        bool AllOfKind(List<int> ids, TaxonomyKind kind) => terms.AreChoices(ids, kind, kept);

        RuleFor(i => i.Name).NotEmpty().WithMessage("Give the organisation's name.").MaximumLength(Entity.NameMaxLength).WithMessage("Keep the name under 200 characters.");
        RuleFor(i => i.Type).NotNull().WithMessage("Choose the type of organisation.").IsInEnum().WithMessage("Choose a type from the list.")
            .Must(type => type is null || terms.ChoicesOf(TaxonomyKind.OrganisationType, kept).Any(t => t.Code == type.ToString())).WithMessage("Choose a type from the list.");
        RuleFor(i => i.CountryCode).NotEmpty().WithMessage("Give the country as a two-letter code, for example SE.")
            .Matches("^[A-Za-z]{2}$").WithMessage("Give the country as a two-letter code, for example SE.");
        RuleFor(i => i.RegionId).Must(id => id is null || AllOfKind([id.Value], TaxonomyKind.Region)).WithMessage("Choose a region from the list.")
            .Must((input, id) => id is null || string.Equals(terms.Find(id.Value)?.CountryCode, input.CountryCode?.Trim(), StringComparison.OrdinalIgnoreCase))
            .WithMessage("The region is not in that country.");
        RuleFor(i => i.Website).Must(w => string.IsNullOrWhiteSpace(w) || WebLinks.IsSafe(w)).WithMessage("Enter a web address starting with https://.")
            .MaximumLength(500).WithMessage("Keep the web address under 500 characters.");
        RuleFor(i => i.Description).MaximumLength(Organisation.DescriptionMaxLength).WithMessage("Keep the description under 8,000 characters.");
        RuleFor(i => i.CollaborationNeeds).MaximumLength(Organisation.CollaborationNeedsMaxLength).WithMessage("Keep this under 4,000 characters.");
        RuleFor(i => i.AnswerWithinWorkingDays).Must(days => days is null || ResponsePromise.IsValid(days.Value))
            .WithMessage("Give the number of working days as a whole number from 1 to 30, or leave it empty for the portal's default.");
        RuleFor(i => i.ExpertiseIds).Must(ids => AllOfKind(ids, TaxonomyKind.SupportCategory)).WithMessage("Choose expertise from the list.");
        RuleFor(i => i.SectorIds).Must(ids => AllOfKind(ids, TaxonomyKind.Sector)).WithMessage("Choose sectors from the list.");
        RuleFor(i => i.LanguageIds).Must(ids => AllOfKind(ids, TaxonomyKind.Language)).WithMessage("Choose languages from the list.");
        RuleForEach(i => i.Contacts).ChildRules(contact =>
        {
            contact.RuleFor(c => c.Name).NotEmpty().When(c => !string.IsNullOrWhiteSpace(c.Role) || !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.Phone))
                .WithMessage("Give the contact's name.").MaximumLength(Entity.NameMaxLength).WithMessage("Keep the contact's name under 200 characters.");
            contact.RuleFor(c => c.Role).MaximumLength(Entity.NameMaxLength).WithMessage("Keep the role under 200 characters.");
            contact.RuleFor(c => c.Email).EmailAddress().WithMessage("Enter an email address like name@example.com.").MaximumLength(256).WithMessage("Keep the email address under 256 characters.");
            contact.RuleFor(c => c.Phone).MaximumLength(50).WithMessage("Keep the phone number under 50 characters.");
        });
    }
}
