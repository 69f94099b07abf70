using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Requests the server cannot read — a form over its limits, malformed form encoding (a NUL byte), a body larger
/// than allowed — are the client's fault: 400 or 413 with the friendly error page, logged at Information, never a
/// 500 or an Error-level log (issue 10, item 11; ADR 1002).
/// </summary>
public static class ClientFaults
{
    /// <summary>The status an exception caused by an unreadable request deserves, or null when it is the server's fault.</summary>
    public static int? StatusCodeFor(Exception exception) => exception switch
    {
        // Kestrel's own limits and malformed bodies: 400, 408, 413 and so on, as Kestrel decided.
        BadHttpRequestException bad => bad.StatusCode,
        AntiforgeryValidationException => StatusCodes.Status400BadRequest,

        // The framework's form and multipart readers (form limits, invalid characters, a missing boundary).
        // Thrown by the portal's own code it would be a bug, so only the framework's readers count.
        InvalidDataException { Source: "Microsoft.AspNetCore.WebUtilities" or "Microsoft.AspNetCore.Http" } => StatusCodes.Status400BadRequest,
        _ => null,
    };

    /// <summary>
    /// The exception handler outside Development: the friendly error page for everything, with the client's status
    /// for unreadable requests and without the framework's Error-level log for them.
    /// </summary>
    public static ExceptionHandlerOptions ExceptionHandlerOptions(string errorPath) => new()
    {
        ExceptionHandlingPath = errorPath,
        StatusCodeSelector = exception => StatusCodeFor(exception) ?? StatusCodes.Status500InternalServerError,
        SuppressDiagnosticsCallback = context => StatusCodeFor(context.Exception) is not null,
    };

    /// <summary>The one log line for an unreadable request, at Information (it is not the server's problem).</summary>
    public static void LogRefused(ILogger logger, HttpContext context, int status, Exception exception) =>
        logger.LogInformation("Refused an unreadable request {Method} {Path} with {StatusCode}: {Reason}", context.Request.Method, context.Request.Path.Value, status, exception.Message);

    /// <summary>The exception behind the current re-executed error page, when there is one.</summary>
    public static Exception? CurrentException(HttpContext context) => context.Features.Get<IExceptionHandlerFeature>()?.Error;
}
