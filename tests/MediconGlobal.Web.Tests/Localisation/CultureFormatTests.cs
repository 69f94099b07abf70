using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// Issue 14 item 3: dates and numbers on real pages are written the way the page's language writes them: month names
/// and the order of day and month, the decimal comma and the thousands separator (a space in Swedish, a
/// point in Danish). Item 4: text shown in another language than the page's, where the portal knows it (a term's
/// English name where it has no label in the page's language), carries its <c>lang</c>.
/// </summary>
public sealed class CultureFormatTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task OfferReviewDate_AndProgrammeFunding_AreWrittenInThePagesCulture()
    {
        var (offerId, programmeId) = await _portal.WithDbAsync(async db =>
        {
            var offer = await db.Offers.Where(Offer.Published).OrderBy(o => o.Id).FirstAsync();
            offer.MarkReviewed(new DateTime(2026, 3, 3, 10, 0, 0, DateTimeKind.Utc));
            var programme = await db.Programmes.OrderBy(p => p.Id).FirstAsync();
            (programme.FundingAmountMinor, programme.FundingCurrency) = (123_450, Currency.SEK);
            await db.SaveChangesAsync();
            return (offer.Id, programme.Id);
        });

        foreach (var (culture, date, amount) in new[] { ("en", "3 March 2026", "SEK 1,234.50"), ("sv", "3 mars 2026", "1 234,50 SEK"), ("da", "3 marts 2026", "1.234,50 SEK") })
        {
            var client = _portal.CreatePortalClient();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);

            var offerPage = await client.GetPageAsync($"/offers/{offerId}");
            var programmePage = await client.GetPageAsync($"/programmes/{programmeId}");

            Assert.Equal(culture, offerPage.DocumentElement.GetAttribute("lang"));
            Assert.Contains(date, Spaced(offerPage.Body!.TextContent), StringComparison.Ordinal);
            Assert.Contains(amount, Spaced(programmePage.Body!.TextContent), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TermWithoutALabelInThePagesLanguage_IsMarkedAsEnglish_WhereItShowsItsEnglishName()
    {
        await _portal.WithDbAsync(async db =>
        {
            db.TaxonomyTerms.Add(new TaxonomyTerm(TaxonomyKind.Region, "se-gotland", "Gotland", 99));
            await db.SaveChangesAsync();
        });
        var client = _portal.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");

        var page = await client.GetPageAsync("/find-support");

        var added = page.QuerySelector("select#gs-region option[value=se-gotland]")!;
        Assert.Equal(("Gotland", "en"), (added.TextContent.Trim(), added.GetAttribute("lang")));
        var labelled = page.QuerySelector("select#gs-region option[value=dk-sjaelland]")!;
        Assert.Null(labelled.GetAttribute("lang"));
    }

    /// <summary>Swedish groups thousands with a no-break space (ICU may use the narrow one): compared as plain spaces.</summary>
    private static string Spaced(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');
}
