using System.ComponentModel.DataAnnotations;
using FluentValidation;

namespace MediconGlobal.Web.Pages.Admin.Users;

/// <summary>The form on a user's page that changes their role and organisation; <see cref="Stamp"/> is the account's concurrency stamp when the page was opened.</summary>
public sealed class AccessInput
{
    [Display(Name = "Role")]
    public string Role { get; set; } = "";

    [Display(Name = "Organisation")]
    public int? OrganisationId { get; set; }

    public string? Stamp { get; set; }
}

public sealed class AccessInputValidator : AbstractValidator<AccessInput>
{
    /// <param name="roles">The roles an account can be moved between.</param>
    /// <param name="organisations">The organisations that exist.</param>
    public AccessInputValidator(IReadOnlyList<string> roles, IReadOnlySet<int> organisations)
    {
        RuleFor(i => i.Role).Must(roles.Contains).WithMessage("Choose a role from the list.");
        RuleFor(i => i.OrganisationId).Must(id => id is { } value && organisations.Contains(value)).WithMessage("Choose an organisation from the list.");
    }
}
