using Serilog;
using Serilog.Events;

namespace MediconGlobal.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog as the host's logger (Serilog.AspNetCore), configured from the <c>Serilog</c> section. The logger is
    /// built when the host's services are, so it sees the final configuration (environment variables, command
    /// line, test hosts), and each host gets its own (several test hosts run side by side).
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        // The static Log.Logger is left alone: several hosts in one process (test hosts) would overwrite each other's.
        builder.Host.UseSerilog((_, services, logger) => logger.ReadFrom.Configuration(services.GetRequiredService<IConfiguration>()).ReadFrom.Services(services), preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One log line per request: method, path (never the query string, which can hold search words or e-mail
    /// addresses), status, duration in milliseconds, and the signed-in user's id and organisation id — ids only,
    /// never names or e-mail addresses. Server errors are logged at Error level.
    /// </summary>
    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static Log.Logger the middleware falls back to.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (user {UserId}, organisation {OrganisationId})";
            options.GetLevel = (context, _, exception) => exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("UserId", context.User.GetUserId() ?? "-");
                diagnostics.Set("OrganisationId", context.User.GetOrganisationId()?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");
            };
        });
        return app;
    }
}
