using MediconGlobal.Core.Auditing;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.History;

/// <summary>
/// Who changed what and when on an offer, organisation, programme or client company, from the audit log
/// (issue 11, item 4). Staff only; the record is looked up through the same scope as its own page, so a client
/// the viewer may not see has no history for them either (404). Who made each change is shown as <see cref="ActorNames"/>
/// allows: people of another organisation are withheld from a viewer who does not see every organisation.
/// </summary>
[Authorize(Policy = Policies.Reports)]
public class IndexModel(AppDbContext db, ActorNames actors) : PageModel
{
    public static readonly IReadOnlyDictionary<string, HistorySubject> Subjects = new Dictionary<string, HistorySubject>(StringComparer.OrdinalIgnoreCase)
    {
        ["offers"] = HistorySubject.Offer,
        ["organisations"] = HistorySubject.Organisation,
        ["programmes"] = HistorySubject.Programme,
        ["clients"] = HistorySubject.Company,
    };

    public string Name { get; private set; } = "";

    /// <summary>The address of the record's own page.</summary>
    public string RecordUrl { get; private set; } = "";

    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string subject, int id, CancellationToken cancellationToken)
    {
        if (!Subjects.TryGetValue(subject, out var kind) || await NameAsync(kind, id, cancellationToken) is not { } name)
        {
            return NotFound();
        }

        Name = name;
        RecordUrl = $"/{subject.ToLowerInvariant()}/{id}";
        var entries = await new ChangeHistory(db).LoadAsync(kind, id, cancellationToken);

        // Who made a change, and the one field that records a person's address (an offer's last reviewer).
        var reviewer = HistoryLabels.Of(nameof(Offer.LastReviewedByEmail));
        var people = entries.Select(e => e.By)
            .Concat(entries.SelectMany(e => e.Changes).Where(c => c.Field == reviewer).SelectMany(c => new[] { c.Old.Text, c.New.Text }));
        var shown = await actors.ForViewerAsync(User, people, cancellationToken);
        HistoryValue Shown(HistoryValue value) =>
            shown(value.Text) == RecordedActors.Withheld ? new HistoryValue(ActorNames.WithheldKey, IsKey: true) : value;
        Entries = entries.Select(e => e with
        {
            By = shown(e.By),
            Changes = e.Changes.Select(c => c.Field == reviewer ? c with { Old = Shown(c.Old), New = Shown(c.New) } : c).ToList(),
        }).ToList();
        return Page();
    }

    private Task<string?> NameAsync(HistorySubject kind, int id, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        return kind switch
        {
            HistorySubject.Offer => db.Offers.VisibleTo(viewer).Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken),
            HistorySubject.Organisation => db.Organisations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken),
            HistorySubject.Programme => db.Programmes.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken),
            _ => db.Companies.VisibleTo(viewer).Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken),
        };
    }
}
