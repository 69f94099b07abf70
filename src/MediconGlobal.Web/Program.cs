using MediconGlobal.Core.Data;
using MediconGlobal.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.Services.AddPortalDatabase(builder.Configuration);
builder.Services.AddPortalServices(builder.Configuration, builder.Environment);
builder.Services.AddPortalIdentity();
builder.Services.AddPortalSessions(builder.Configuration);
builder.Services.AddPortalWeb(builder.Configuration);
builder.Services.AddPortalTransportSecurity();
builder.Services.AddPortalRateLimiting(builder.Configuration);

var app = builder.Build();

if (await AdminCommand.TryRunAsync(app, args))
{
    return;
}

await app.Services.GetRequiredService<DatabaseInitializer>()
    .InitializeAsync(includeDemoData: app.Configuration.GetValue<bool>("Portal:LoadDemoData") && app.Environment.IsDevelopment());

app.UsePortalPipeline();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
