using Serilog;
using Serilog.Extensions.Logging;

namespace MediconGlobal.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog from the <c>Serilog</c> section of configuration, plugged into Microsoft.Extensions.Logging.
    /// The logger is built when the provider is first resolved, so it sees the final configuration
    /// (environment variables, command line, test hosts).
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.Services.AddSingleton<ILoggerProvider>(services => new SerilogLoggerProvider(
            new LoggerConfiguration().ReadFrom.Configuration(services.GetRequiredService<IConfiguration>()).CreateLogger(),
            dispose: true));
        return builder;
    }
}
