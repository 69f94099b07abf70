using System.Text.Json;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Infrastructure;

/// <summary>Request logging by Serilog.AspNetCore, with the compact JSON file sink switched on as operations.md says.</summary>
public sealed class RequestLoggingTests : IAsyncLifetime
{
    private const string Email = "adviser.person@example.test";

    private readonly string _jsonFolder = Path.Combine(Path.GetTempPath(), "mediconglobal-tests", Guid.NewGuid().ToString("N"));
    private readonly PortalFactory _portal;

    public RequestLoggingTests()
    {
        _portal = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:2:Name"] = "File",
            ["Serilog:WriteTo:2:Args:path"] = Path.Combine(_jsonFolder, "portal-.json"),
            ["Serilog:WriteTo:2:Args:formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        Directory.Delete(_jsonFolder, recursive: true);
    }

    [Fact]
    public async Task ASignedInRequest_IsOneJsonLine_WithStatusDurationUserAndOrganisation_AndNoPersonalData()
    {
        var client = await _portal.SignedInClientAsync(Email, Roles.Advisor, OrganisationSeed.SmiLe);
        var (userId, organisationId) = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => new ValueTuple<string, int?>(u.Id, u.OrganisationId)).SingleAsync());

        await client.GetAsync("/offers?q=" + Uri.EscapeDataString(Email));

        var line = Assert.Single(await WaitForRequestLinesAsync("/offers"));
        Assert.Equal(200, line.GetProperty("StatusCode").GetInt32());
        Assert.True(line.GetProperty("Elapsed").GetDouble() > 0);
        Assert.Equal(userId, line.GetProperty("UserId").GetString());
        Assert.Equal(organisationId.ToString(), line.GetProperty("OrganisationId").GetString());
        var requestLines = ReadJsonLines().Where(e => e.TryGetProperty("RequestPath", out _)).Select(e => e.GetRawText()).ToList();
        Assert.NotEmpty(requestLines);
        Assert.All(requestLines, l => Assert.DoesNotContain("adviser.person", l, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The line is written when the request ends on the server, which can be just after the client has the
    /// response — seconds after on a loaded two-core CI machine, so the wait is long and ends at the first line.
    /// </summary>
    private async Task<List<JsonElement>> WaitForRequestLinesAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var lines = ReadJsonLines().Where(e => e.TryGetProperty("RequestPath", out var p) && p.GetString() == path).ToList();
            if (lines.Count > 0 || attempt == 300)
            {
                return lines;
            }

            await Task.Delay(100);
        }
    }

    private List<JsonElement> ReadJsonLines()
    {
        // A rolling file sink starts a second file when the first is still held, so every file is read.
        return Directory.GetFiles(_jsonFolder).Order(StringComparer.Ordinal).SelectMany(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        }).ToList();
    }
}
