using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Admin.Users;

/// <summary>
/// Invite a person by e-mail with a role and organisation (issue 11 item 1). Administrators may give every staff
/// role; project managers only partner staff, for an organisation in the landscape (docs/security.md). An
/// organisation that is not in the landscape yet is added from this form with the invitation (ADR 1106).
/// </summary>
[Authorize(Policy = Policies.UserInvitation)]
public class InviteModel(AppDbContext db, UserManager<Core.Domain.ApplicationUser> users, UserAccounts accounts, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public IReadOnlyList<string> RoleChoices { get; private set; } = [];

    public IReadOnlyList<OrganisationChoice> Organisations { get; private set; } = [];

    /// <summary>The organisation types a new organisation may have: the taxonomy's current choices, by code.</summary>
    public IReadOnlyList<(OrganisationType Type, string Name)> OrganisationTypes { get; private set; } = [];

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync(int? organisationId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.OrganisationId = organisationId;
        Input.Role = RoleChoices.Count == 1 ? RoleChoices[0] : "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var validator = new InviteInputValidator(t, RoleChoices, Organisations.Select(o => o.Id).ToHashSet(), Organisations.Select(o => o.Name), OrganisationTypes.Select(o => o.Type).ToHashSet(), async (email, _) => await users.FindByEmailAsync(email) is not null);
        if (!this.IsValid(await validator.ValidateAsync(Input, cancellationToken), nameof(Input)))
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var organisation = Input.AddsOrganisation
            ? new Organisation(Input.NewOrganisationName!.Trim(), Input.NewOrganisationType!.Value, Input.NewOrganisationCountry!.Trim().ToUpperInvariant())
            : await db.Organisations.SingleAsync(o => o.Id == Input.OrganisationId, cancellationToken);
        var id = await accounts.InviteAsync(email, Input.DisplayName.Trim(), Input.Role, organisation, User.GetDisplayName(), cancellationToken);
        if (id is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", t["An account with this e-mail address exists already; find it in the user list."]);
            return Page();
        }

        TempData["Message"] = Input.AddsOrganisation
            ? t["Invitation sent to {0}. {1} is in the landscape now as “mapped”; its profile can be completed from its page.", email, organisation.Name].Value
            : t["Invitation sent to {0}.", email].Value;
        return IsAdministrator ? RedirectToPage("Details", new { id }) : RedirectToPage("/Landscape/Organisation", new { id = organisation.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        RoleChoices = UserAdministration.RolesInvitableBy(IsAdministrator);
        Organisations = await db.Organisations.AsNoTracking().OrderByName(o => o.Name, db).Select(o => new OrganisationChoice(o.Id, o.Name)).ToListAsync(cancellationToken);
        OrganisationTypes = (await TermCatalog.LoadAsync(db, cancellationToken)).ChoicesOf(TaxonomyKind.OrganisationType, [])
            .Select(term => (Parsed: Enum.TryParse<OrganisationType>(term.Code, out var type) ? type : (OrganisationType?)null, term.Name))
            .Where(choice => choice.Parsed is not null).Select(choice => (choice.Parsed!.Value, choice.Name)).ToList();
    }

    public sealed record OrganisationChoice(int Id, string Name);
}
