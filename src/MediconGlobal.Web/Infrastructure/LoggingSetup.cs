using Serilog;

namespace MediconGlobal.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>Serilog from the <c>Serilog</c> section of configuration, plugged into Microsoft.Extensions.Logging.</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
