using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Areas.Identity;
using MediconGlobal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Admin.Users;

/// <summary>
/// The invitation form: who, their role and the organisation they belong to — one from the landscape, or a new one
/// given by name, type and country that is added with the invitation (ADR 1106).
/// </summary>
public sealed class InviteInput
{
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "Role")]
    public string Role { get; set; } = "";

    [Display(Name = "Organisation")]
    public int? OrganisationId { get; set; }

    [Display(Name = "Name of the organisation")]
    public string? NewOrganisationName { get; set; }

    [Display(Name = "Type")]
    public OrganisationType? NewOrganisationType { get; set; }

    [Display(Name = "Country code")]
    public string? NewOrganisationCountry { get; set; }

    /// <summary>The form gives an organisation that is not in the landscape yet.</summary>
    public bool AddsOrganisation => !string.IsNullOrWhiteSpace(NewOrganisationName);
}

public sealed class InviteInputValidator : AbstractValidator<InviteInput>
{
    /// <param name="t">For the shared e-mail rule's messages (the others are localised by <c>IsValid</c>).</param>
    /// <param name="roles">The roles the person inviting may give.</param>
    /// <param name="organisations">The organisations one may be invited to.</param>
    /// <param name="organisationNames">Names of the organisations in the landscape; a new organisation must not repeat one (ignoring case).</param>
    /// <param name="types">The organisation types a new organisation may have (the taxonomy's current choices).</param>
    /// <param name="addressTaken">Whether an account with the address exists (administrators may know; only they and project managers invite).</param>
    public InviteInputValidator(IStringLocalizer<SharedResource> t, IReadOnlyList<string> roles, IReadOnlySet<int> organisations, IEnumerable<string> organisationNames, IReadOnlySet<OrganisationType> types, Func<string, CancellationToken, Task<bool>> addressTaken)
    {
        var taken = organisationNames.Select(n => n.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        RuleFor(i => i.Email).Cascade(CascadeMode.Stop).ValidEmail(t)
            .MustAsync(async (email, token) => !await addressTaken(email.Trim(), token)).WithMessage("An account with this e-mail address exists already; find it in the user list.");
        RuleFor(i => i.DisplayName).NotEmpty().WithMessage("Give the person's name.").MaximumLength(Entity.NameMaxLength).WithMessage("Keep the name under 200 characters.");
        RuleFor(i => i.Role).Must(roles.Contains).WithMessage("Choose a role from the list.");
        RuleFor(i => i.OrganisationId).Must(id => id is { } value && organisations.Contains(value)).WithMessage("Choose an organisation from the list, or add one that is not in the landscape yet.")
            .When(i => !i.AddsOrganisation);
        When(i => i.AddsOrganisation, () =>
        {
            RuleFor(i => i.OrganisationId).Null().WithMessage("Either choose an organisation from the list or add a new one, not both.");
            RuleFor(i => i.NewOrganisationName).MaximumLength(Entity.NameMaxLength).WithMessage("Keep the organisation's name under 200 characters.")
                .Must(name => !taken.Contains(name!.Trim())).WithMessage(i => t["{0} is in the landscape already; choose it from the list.", i.NewOrganisationName!.Trim()].Value);
            RuleFor(i => i.NewOrganisationType).NotNull().WithMessage("Choose the type of organisation.")
                .Must(type => type is null || types.Contains(type.Value)).WithMessage("Choose a type from the list.");
            RuleFor(i => i.NewOrganisationCountry).NotEmpty().WithMessage("Give the country as a two-letter code, for example SE.")
                .Matches("^ *[A-Za-z]{2} *$").WithMessage("Give the country as a two-letter code, for example SE.");
        });
    }
}
