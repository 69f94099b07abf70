using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Organisations;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Pages.Landscape;
using MediconGlobal.Web.Pages.Shared;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Admin.Organisations;

/// <summary>
/// Merge a duplicate organisation into the one that stays (issue 11, item 3; ADR 1151): pick the two, choose per
/// field which value survives, see what moves over, merge. Administrators only.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public class MergeModel(AppDbContext db, TimeProvider clock, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    public static readonly IReadOnlyList<(MergeField Field, string Label)> Fields =
    [
        (MergeField.Name, "Name"), // l10n
        (MergeField.Type, "Type"), // l10n
        (MergeField.Location, "Country and region"), // l10n
        (MergeField.Website, "Website"), // l10n
        (MergeField.Description, "Description"), // l10n
        (MergeField.CollaborationNeeds, "What the organisation needs from collaboration"), // l10n
        (MergeField.PartnershipStatus, "Partnership status"), // l10n
    ];

    [BindProperty(SupportsGet = true)]
    public int? Survivor { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Duplicate { get; set; }

    [BindProperty]
    public int SurvivorVersion { get; set; }

    [BindProperty]
    public int DuplicateVersion { get; set; }

    /// <summary>Per field name, "duplicate" to take the duplicate's value; anything else keeps the surviving record's.</summary>
    [BindProperty]
    public Dictionary<string, string> From { get; set; } = [];

    /// <summary>The fields to take from the duplicate.</summary>
    public IReadOnlySet<MergeField> Take => From.Where(f => f.Value == "duplicate" && Enum.TryParse<MergeField>(f.Key, out _))
        .Select(f => Enum.Parse<MergeField>(f.Key)).ToHashSet();

    public IReadOnlyList<(int Id, string Name)> Choices { get; private set; } = [];

    public MergeSide? Left { get; private set; }

    public MergeSide? Right { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Left is null || Right is null || !ModelState.IsValid || From.Keys.Any(k => !Enum.TryParse<MergeField>(k, out var f) || !Enum.IsDefined(f)))
        {
            ModelState.AddModelError(string.Empty, t["Choose two different organisations and, for each field, which value to keep."].Value);
            return Page();
        }

        var result = await new OrganisationMerger(db, clock).MergeAsync(
            new MergeRequest(Left.Id, SurvivorVersion, Right.Id, DuplicateVersion, Take), User.ToActor(), cancellationToken);
        switch (result.Result.Outcome)
        {
            case CommandOutcome.Done:
                foreach (var userId in result.MovedUserIds)
                {
                    // Their organisation claim changed: their sessions end and the next sign-in carries the survivor.
                    if (await users.FindByIdAsync(userId) is { } moved)
                    {
                        await users.UpdateSecurityStampAsync(moved);
                    }
                }

                TempData["Message"] = t["Merged {0} into {1}. Everything that belonged to it now belongs to {1}.", Right.Name, Left.Name].Value;
                return RedirectToPage("/Organisations/Details", new { id = Left.Id });
            case CommandOutcome.Conflict:
                ModelState.AddModelError(string.Empty, t["Someone changed one of the two organisations while you were comparing them. Check the values below and merge again."].Value);
                db.ChangeTracker.Clear();
                await LoadAsync(cancellationToken);
                SurvivorVersion = Left!.Version;
                DuplicateVersion = Right!.Version;
                ModelState.Remove(nameof(SurvivorVersion));
                ModelState.Remove(nameof(DuplicateVersion));
                return Page();
            case CommandOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, t[result.Result.Message ?? "The merge is not possible."].Value);
                return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Choices = (await db.Organisations.AsNoTracking().OrderByName(o => o.Name, db).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();
        if (Survivor is { } survivor && Duplicate is { } duplicate && survivor != duplicate)
        {
            Left = await MergeSide.LoadAsync(db, survivor, cancellationToken);
            Right = await MergeSide.LoadAsync(db, duplicate, cancellationToken);
            if (Left is not null && Right is not null && HttpContext.Request.Method == HttpMethods.Get)
            {
                (SurvivorVersion, DuplicateVersion) = (Left.Version, Right.Version);
            }
        }
    }
}

/// <summary>
/// One of the two organisations as the merge page compares them, with the counts of what points at it. Type, country,
/// region and partnership status stay values; <see cref="ValueOf"/> names them in the page's language.
/// </summary>
public sealed record MergeSide(
    int Id, int Version, string Name, OrganisationType Type, string CountryCode, int? RegionId, string? Website, string? Description, string? CollaborationNeeds, PartnershipStatus PartnershipStatus,
    int Offers, int Programmes, int Clients, int Referrals, int Users)
{
    /// <summary>The field's value as the page shows it: data as written, labels through <paramref name="terms"/> and <paramref name="t"/>.</summary>
    public string? ValueOf(MergeField field, PageTerms terms, IStringLocalizer t) => field switch
    {
        MergeField.Name => Name,
        MergeField.Type => terms.Of(Type),
        MergeField.Location => t[CaseLabels.Country(CountryCode)].Value + (RegionId is { } region ? ", " + terms.Of(region) : ""),
        MergeField.Website => Website,
        MergeField.Description => Description,
        MergeField.CollaborationNeeds => CollaborationNeeds,
        _ => t[LandscapeLabels.StatusName(PartnershipStatus)].Value,
    };

    public static async Task<MergeSide?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new MergeSide(
                x.Id, x.Version, x.Name, x.Type, x.CountryCode, x.RegionId, x.Website, x.Description, x.CollaborationNeeds, x.PartnershipStatus,
                db.Offers.Count(f => f.ProviderId == id),
                db.Programmes.Count(p => p.LeadOrganisationId == id || p.FunderOrganisationId == id || p.Partners.Any(pp => pp.OrganisationId == id)),
                db.Companies.Count(c => c.HomeIncubatorId == id),
                db.Referrals.Count(r => r.ReceivingOrganisationId == id),
                db.Users.Count(u => u.OrganisationId == id)))
            .FirstOrDefaultAsync(cancellationToken);
}
