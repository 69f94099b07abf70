using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Web.Areas.Identity;
using MediconGlobal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Admin.Users;

/// <summary>The invitation form: who, their role and the organisation they belong to.</summary>
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
}

public sealed class InviteInputValidator : AbstractValidator<InviteInput>
{
    /// <param name="t">For the shared e-mail rule's messages (the others are localised by <c>IsValid</c>).</param>
    /// <param name="roles">The roles the person inviting may give.</param>
    /// <param name="organisations">The organisations one may be invited to.</param>
    /// <param name="addressTaken">Whether an account with the address exists (administrators may know; only they and project managers invite).</param>
    public InviteInputValidator(IStringLocalizer<SharedResource> t, IReadOnlyList<string> roles, IReadOnlySet<int> organisations, Func<string, CancellationToken, Task<bool>> addressTaken)
    {
        RuleFor(i => i.Email).Cascade(CascadeMode.Stop).ValidEmail(t)
            .MustAsync(async (email, token) => !await addressTaken(email.Trim(), token)).WithMessage("An account with this e-mail address exists already; find it in the user list.");
        RuleFor(i => i.DisplayName).NotEmpty().WithMessage("Give the person's name.").MaximumLength(200).WithMessage("Keep the name under 200 characters.");
        RuleFor(i => i.Role).Must(roles.Contains).WithMessage("Choose a role from the list.");
        RuleFor(i => i.OrganisationId).Must(id => id is { } value && organisations.Contains(value)).WithMessage("Choose an organisation from the list.");
    }
}
