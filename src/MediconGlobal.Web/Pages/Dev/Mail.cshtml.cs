using MediconGlobal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Dev;

/// <summary>
/// Development's mailbox: every e-mail the portal wrote to the pickup folder, newest first, with its full text and
/// links, so invitation, confirmation and reset flows can be followed without a mail server (issue 11 item 6).
/// Anyone may read it in Development (a founder who just registered is not signed in); everywhere else it is a 404.
/// </summary>
[AllowAnonymous]
public class MailModel(IWebHostEnvironment environment, IMailDelivery delivery) : PageModel
{
    /// <summary>How many messages the page shows; the folder keeps them all.</summary>
    public const int Shown = 100;

    public IReadOnlyList<PickedUpMail> Messages { get; private set; } = [];

    public int Total { get; private set; }

    public string Folder { get; private set; } = "";

    /// <summary>Shows only the messages to this address when set.</summary>
    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment() || delivery is not PickupFolderDelivery pickup)
        {
            return NotFound();
        }

        Folder = pickup.Folder;
        var all = pickup.ReadAll().Where(m => string.IsNullOrWhiteSpace(To) || m.IsTo(To.Trim())).ToList();
        Total = all.Count;
        Messages = all.Take(Shown).ToList();
        return Page();
    }
}
