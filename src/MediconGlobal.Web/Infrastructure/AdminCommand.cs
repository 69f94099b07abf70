using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// <c>dotnet MediconGlobal.Web.dll create-admin &lt;email&gt; [organisation name]</c>: creates the first
/// administrator outside Development, where no demo accounts exist. The password is read from the
/// <c>MEDICON_ADMIN_PASSWORD</c> environment variable or, when it is unset, from standard input.
/// </summary>
public static class AdminCommand
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create-admin")
        {
            return false;
        }

        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("Usage: create-admin <email> [organisation name]");
            Environment.ExitCode = 2;
            return true;
        }

        // A user name is always an e-mail address: the audit fields tell people from the portal's own jobs by it (ADR 1215).
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(args[1]))
        {
            await Console.Error.WriteLineAsync($"'{args[1]}' is not an e-mail address. Usage: create-admin <email> [organisation name]");
            Environment.ExitCode = 2;
            return true;
        }

        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(includeDemoData: false);
        var password = Environment.GetEnvironmentVariable("MEDICON_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            await Console.Out.WriteAsync("Password for the new administrator: ");
            password = Console.ReadLine() ?? "";
        }

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organisation = args.Length > 2 ? await db.Organisations.FirstOrDefaultAsync(o => o.Name == args[2]) : null;
        var user = new ApplicationUser
        {
            UserName = args[1],
            Email = args[1],
            EmailConfirmed = true,
            DisplayName = args[1],
            OrganisationId = organisation?.Id,
            CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Administrator);
        }

        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("Could not create the administrator: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            Environment.ExitCode = 1;
            return true;
        }

        await Console.Out.WriteLineAsync($"Administrator {args[1]} created.");
        return true;
    }
}
