using System.Diagnostics;
using System.Globalization;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages;

/// <summary>
/// The friendly page for every error status (re-executed by the status code pages middleware) and for exceptions.
/// It binds nothing: it is re-executed with the failed request's method and body, and that body may be the
/// unreadable form that caused the error.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Status { get; private set; }

    public string? RequestId { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var exception = ClientFaults.CurrentException(HttpContext);
        Status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (exception is not null ? Response.StatusCode : (int?)null)
            ?? (int.TryParse(Request.Query["code"], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : StatusCodes.Status500InternalServerError);
        if (Status is < 400 or > 599)
        {
            Status = StatusCodes.Status500InternalServerError;
        }

        if (exception is not null && Status < 500)
        {
            ClientFaults.LogRefused(logger, HttpContext, Status, exception);
        }

        Response.StatusCode = Status;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
