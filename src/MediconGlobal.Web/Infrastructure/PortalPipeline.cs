namespace MediconGlobal.Web.Infrastructure;

public static class PortalPipeline
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        // First, so everything after it (the request log included) sees the client's scheme and address as the
        // trusted proxy reported them.
        app.UseForwardedHeaders();
        app.UsePortalRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(ClientFaults.ExceptionHandlerOptions("/Error"));
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseCookiePolicy();

        // Before anything reads the query string (localisation included): NFC, no control characters.
        app.UseMiddleware<InputTextMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: a signed-in person's own language choice comes before the browser's.
        app.UseRequestLocalization();
        app.UsePortalRateLimiter();
        app.UseAuthorization();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/health").AllowAnonymous();
        Api.HsdsEndpoints.MapHsdsApi(app);
        Api.HsdsOpenApi.MapHsdsOpenApi(app);

        // Unknown addresses, file names included, get the friendly 404 page, not a sign-in prompt from the fallback policy.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
