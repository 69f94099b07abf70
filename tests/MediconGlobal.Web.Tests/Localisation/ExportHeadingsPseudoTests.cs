using System.Globalization;
using CsvHelper;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Web.Infrastructure.Localisation;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// Every CSV download people open in a spreadsheet writes its headings through the localiser (issue 14, ADR 1405 and
/// 1406): in the pseudo culture each heading is transformed. The crawls do not follow downloads, so this names them.
/// The pseudo culture is on in Development (ADR 1401), as in the crawl.
/// </summary>
public sealed class ExportHeadingsPseudoTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new("Development");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task EveryCsvDownload_InThePseudoCulture_HasEveryHeadingLocalised()
    {
        var offerId = await _portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == "is-test-beds").Select(o => o.Id).SingleAsync());
        var manager = _portal.CreatePortalClient();
        manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd(PortalCultures.Pseudo);
        await manager.SignInAsync(DemoAccounts.PmSmile, DemoAccounts.Password);

        foreach (var url in new[] { "/offers?handler=Csv", $"/shortlist?handler=Csv&offers={offerId}", "/reports/gaps/export?format=csv", "/reports/scope?handler=Csv" })
        {
            using var reader = new CsvReader(new StringReader((await manager.GetStringAsync(url)).TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
            Assert.True(reader.Read(), $"{url}: no CSV");
            var english = reader.Parser.Record!.Where(h => !h.Contains(PseudoText.Open, StringComparison.Ordinal)).ToList();

            Assert.True(english.Count == 0, $"{url}: headings not through the localiser: {string.Join(", ", english)}");
        }
    }
}
