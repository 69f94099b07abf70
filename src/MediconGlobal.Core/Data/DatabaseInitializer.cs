using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Core.Data;

/// <summary>Brings a database up to date at start-up: migrations, roles, reference data, and demo data when asked.</summary>
public sealed class DatabaseInitializer(IServiceProvider services, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool includeDemoData, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();
        if (provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrated ({Provider})", db.Database.ProviderName);
        }

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await new ReferenceDataSeeder(db, provider.GetRequiredService<TimeProvider>()).SeedAsync(cancellationToken);
        if (includeDemoData)
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(provider).SeedAsync(cancellationToken);
            logger.LogInformation("Demo data is loaded (Development only)");
        }
    }
}
