using System.Text.Json;
using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>"Your data": download everything attributed to you as JSON (<see cref="PersonalDataExport"/>), or delete your account.</summary>
public class PersonalDataModel(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<PersonalDataModel> logger) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IActionResult> OnGetAsync() => await users.GetUserAsync(User) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } userId
            || await PersonalDataExport.BuildAsync(db, userId, clock.GetUtcNow().UtcDateTime, cancellationToken) is not { } data)
        {
            return NotFound();
        }

        logger.LogInformation("User {UserId} downloaded their personal data", userId);
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", "mediconglobal-personal-data.json");
    }
}
