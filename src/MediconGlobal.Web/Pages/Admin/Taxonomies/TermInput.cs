using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.Admin.Taxonomies;

/// <summary>The term form: the code only when adding (it never changes), the labels, and the parent or country where the taxonomy has one.</summary>
public sealed class TermInput
{
    [Display(Name = "Code")]
    public string? Code { get; set; }

    [Display(Name = "English label")]
    public string? Name { get; set; }

    [Display(Name = "Swedish label")]
    public string? NameSv { get; set; }

    [Display(Name = "Danish label")]
    public string? NameDa { get; set; }

    /// <summary>Markets only: the market this one sits under.</summary>
    [Display(Name = "Under market")]
    public int? ParentId { get; set; }

    /// <summary>Regions only: ISO 3166 alpha-2 country code.</summary>
    [Display(Name = "Country code")]
    public string? CountryCode { get; set; }

    public int Version { get; set; }

    /// <summary>The form's values in words, for showing the other person's saved values after a conflict.</summary>
    public IReadOnlyDictionary<string, string> Describe(TermCatalog terms) => new Dictionary<string, string>
    {
        [nameof(Name)] = Name?.Trim() ?? "",
        [nameof(NameSv)] = NameSv?.Trim() ?? "",
        [nameof(NameDa)] = NameDa?.Trim() ?? "",
        [nameof(ParentId)] = ParentId is { } parent ? terms.NameOf(parent) : "",
        [nameof(CountryCode)] = CountryCode?.Trim().ToUpperInvariant() ?? "",
    };

    public static TermInput From(TaxonomyTerm term) => new()
    {
        Code = term.Code,
        Name = term.Name,
        NameSv = term.NameSv,
        NameDa = term.NameDa,
        ParentId = term.ParentId,
        CountryCode = term.CountryCode,
        Version = term.Version,
    };
}

public sealed class TermInputValidator : AbstractValidator<TermInput>
{
    /// <param name="terms">All terms, for the parent check.</param>
    /// <param name="kind">The taxonomy the term belongs to.</param>
    /// <param name="existingCodes">Codes already used in this taxonomy when adding; null when editing (the code is fixed).</param>
    public TermInputValidator(TermCatalog terms, TaxonomyKind kind, IReadOnlyCollection<string>? existingCodes)
    {
        if (existingCodes is not null)
        {
            RuleFor(i => i.Code).NotEmpty().WithMessage("Give the term a code.")
                .MaximumLength(64).WithMessage("Keep the code under 64 characters.")
                .Matches(TaxonomyTerm.CodePattern).WithMessage("Write the code in lower-case letters and digits joined by hyphens, for example north-america.")
                .Must(code => code is null || !existingCodes.Contains(code, StringComparer.OrdinalIgnoreCase)).WithMessage("That code is already used in this taxonomy; codes never change, so choose another.");
        }

        RuleFor(i => i.Name).NotEmpty().WithMessage("Give the English label.").MaximumLength(Entity.NameMaxLength).WithMessage("Keep the label under 200 characters.");
        RuleFor(i => i.NameSv).MaximumLength(Entity.NameMaxLength).WithMessage("Keep the label under 200 characters.");
        RuleFor(i => i.NameDa).MaximumLength(Entity.NameMaxLength).WithMessage("Keep the label under 200 characters.");
        RuleFor(i => i.ParentId).Must(id => id is null || (kind == TaxonomyKind.Market && terms.Find(id.Value) is { Kind: TaxonomyKind.Market, IsAgnostic: false }))
            .WithMessage("Choose a market from the list.");
        RuleFor(i => i.CountryCode).NotEmpty().WithMessage("Give the country as a two-letter code, for example SE.")
            .Matches("^[A-Za-z]{2}$").WithMessage("Give the country as a two-letter code, for example SE.")
            .When(_ => kind == TaxonomyKind.Region);
    }
}
