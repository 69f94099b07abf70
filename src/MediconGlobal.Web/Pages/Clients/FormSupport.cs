using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Clients;

/// <summary>Helpers of the client forms.</summary>
public static class FormSupport
{
    /// <summary>Incubators a project manager or administrator may choose as a client's home; empty for everyone else.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> IncubatorChoicesAsync(AppDbContext db, Viewer viewer, CancellationToken cancellationToken) =>
        !viewer.SeesEverything
            ? []
            : await db.Organisations.AsNoTracking()
                .Where(Organisation.CanBeHomeIncubator)
                .OrderByName(o => o.Name, db)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
                .ToListAsync(cancellationToken);
}
