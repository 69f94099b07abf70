namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Security headers on every response. Scripts only from the portal itself (no inline scripts); inline style
/// attributes are allowed because colour scales and charts set them. Nothing shown to a signed-in user and no
/// download is kept by the browser or a proxy cache (<c>Cache-Control: no-store</c>, OWASP ASVS 8.2.1); responses
/// that say how to cache themselves (static files) keep their own header.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (IsPrivate(context) && string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>Pages for a signed-in user can hold client data; downloads (exports) are files someone chose to take away.</summary>
    private static bool IsPrivate(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        || context.Response.Headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase);
}
