using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Pages.Shared;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Clients;

/// <summary>The advisor's caseload: their organisation's clients, those needing attention first.</summary>
[Authorize(Policy = Policies.Advising)]
public class IndexModel(AppDbContext db, TimeProvider clock, CaseloadCache caseload, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Incubator { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseloadFocus Focus { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    // From the query only: "page" is also the route value naming the Razor page, which a plain binding reads first.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CaseloadPage Caseload { get; private set; } = new([], 0, 1, Core.Clients.Caseload.PageSize);

    public TermOptions Options { get; private set; } = new();

    public IReadOnlyList<SelectListItem> Incubators { get; private set; } = [];

    public bool SeesEverything { get; private set; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || Country is not null || Stage is not null || Sector is not null || Incubator is not null || Focus != CaseloadFocus.All || Mine;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        SeesEverything = viewer.SeesEverything;
        Options = await TermOptions.LoadAsync(db, t, cancellationToken, includeRetired: true);
        if (SeesEverything)
        {
            Incubators = await db.Organisations.AsNoTracking()
                .Where(o => db.Companies.Any(c => c.HomeIncubatorId == o.Id))
                .OrderByName(o => o.Name, db)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
                .ToListAsync(cancellationToken);
        }

        var filter = new CaseloadFilter(Query, Country, Stage, Sector, SeesEverything ? Incubator : null, Focus, Mine, PageNumber);
        Caseload = await Core.Clients.Caseload.LoadAsync(db, viewer, filter, clock.GetUtcNow().UtcDateTime, caseload, cancellationToken);
    }

    /// <summary>The address of another page of the list, with the current filter (the pager's links).</summary>
    public string LinkTo(int page)
    {
        var values = new Dictionary<string, string?> { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        void Add(string key, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                values[key] = text;
            }
        }

        Add("q", Query);
        Add("country", Country);
        Add("stage", Stage);
        Add("sector", Sector);
        Add("incubator", Incubator);
        Add("focus", Focus == CaseloadFocus.All ? null : Focus);
        Add("mine", Mine ? "true" : null);
        return QueryHelpers.AddQueryString(Url.Page("/Clients/Index")!, values);
    }

    public static string FocusLabel(CaseloadFocus focus) => focus switch
    {
        CaseloadFocus.OpenNeeds => "With open needs", // l10n
        CaseloadFocus.WaitingForAnswer => "Waiting for a partner's answer", // l10n
        CaseloadFocus.Overdue => "Overdue follow-ups", // l10n
        _ => "All clients", // l10n
    };
}
