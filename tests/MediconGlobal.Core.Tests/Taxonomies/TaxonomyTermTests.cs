using System.Globalization;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Taxonomies;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Taxonomies;

/// <summary>Administrable taxonomies (issue 11, item 2; ADR 1150): labels by culture, the market tree, retirement, usage.</summary>
public sealed class TaxonomyTermTests
{
    [Theory]
    [InlineData("sv-SE", "Medicinteknik")]
    [InlineData("da", "Medicoteknik")]
    [InlineData("en-GB", "Medtech")]
    [InlineData("de", "Medtech")]
    public void LabelIn_ChoosesTheCulturesLabel_OrFallsBackToEnglish(string culture, string expected)
    {
        var term = new TaxonomyTerm(TaxonomyKind.Sector, "medtech", "Medtech");
        term.Relabel("Medtech", "Medicinteknik", "Medicoteknik");

        Assert.Equal(expected, term.LabelIn(CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void EmptyTranslation_FallsBackToEnglish()
    {
        var term = new TaxonomyTerm(TaxonomyKind.Sector, "medtech", "Medtech");
        term.Relabel(" Medtech ", "  ", null);

        Assert.Equal(("Medtech", null, null), (term.Name, term.NameSv, term.NameDa));
        Assert.Equal("Medtech", term.LabelIn(CultureInfo.GetCultureInfo("sv")));
    }

    [Fact]
    public void PlaceUnder_RefusesItself_ItsOwnSubMarket_AnyMarket_AndOtherKinds()
    {
        var usa = new TaxonomyTerm(TaxonomyKind.Market, "usa", "USA");
        var boston = new TaxonomyTerm(TaxonomyKind.Market, "usa-boston", "Boston");
        boston.PlaceUnder(usa);

        Assert.Throws<DomainRuleException>(() => usa.PlaceUnder(boston));
        Assert.Throws<DomainRuleException>(() => usa.PlaceUnder(usa));
        Assert.Throws<DomainRuleException>(() => usa.PlaceUnder(new TaxonomyTerm(TaxonomyKind.Market, "any", "Any market") { IsAgnostic = true }));
        Assert.Throws<DomainRuleException>(() => new TaxonomyTerm(TaxonomyKind.Sector, "medtech", "Medtech").PlaceUnder(usa));
        Assert.Same(usa, boston.Parent);
    }

    [Fact]
    public void Retire_Twice_OrReinstate_AnActiveTerm_IsRefused()
    {
        var term = new TaxonomyTerm(TaxonomyKind.Sector, "medtech", "Medtech");
        Assert.Throws<DomainRuleException>(term.Reinstate);
        term.Retire(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Throws<DomainRuleException>(() => term.Retire(DateTime.UtcNow));
        term.Reinstate();
        Assert.False(term.IsRetired);
    }

    [Fact]
    public void ChoicesOf_LeavesOutRetiredTerms_UnlessTheRecordHasThem()
    {
        var catalog = new TermCatalog(
        [
            new TermInfo(1, TaxonomyKind.Sector, "medtech", "Medtech", null, false, 1, null),
            new TermInfo(2, TaxonomyKind.Sector, "old", "Old sector", null, false, 2, null, ["Old sector"], IsRetired: true),
        ]);

        Assert.Equal([1], catalog.ChoicesOf(TaxonomyKind.Sector).Select(t => t.Id));
        Assert.Equal([1, 2], catalog.ChoicesOf(TaxonomyKind.Sector, [2]).Select(t => t.Id));
        Assert.False(catalog.AreChoices([2], TaxonomyKind.Sector));
        Assert.True(catalog.AreChoices([2], TaxonomyKind.Sector, [2]));
        Assert.False(catalog.AreChoices([1], TaxonomyKind.Market));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Seed_HasFormatAndOrganisationTypeTerms_AndUsageCountsTheRecords(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();

        Assert.Equal(Enum.GetNames<OfferFormat>().Order(), (await db.TaxonomyTerms.Where(t => t.Kind == TaxonomyKind.Format).Select(t => t.Code).ToListAsync()).Order());
        Assert.Equal(Enum.GetValues<OrganisationType>().Length, await db.TaxonomyTerms.CountAsync(t => t.Kind == TaxonomyKind.OrganisationType));

        var types = await TermUsage.CountAsync(db, TaxonomyKind.OrganisationType);
        var incubator = await CaseBuilder.TermIdAsync(db, TaxonomyKind.OrganisationType, nameof(OrganisationType.Incubator));
        Assert.Equal(await db.Organisations.CountAsync(o => o.Type == OrganisationType.Incubator), types[incubator].Organisations);

        var markets = await TermUsage.CountAsync(db, TaxonomyKind.Market);
        var usa = await CaseBuilder.TermIdAsync(db, TaxonomyKind.Market, "usa");
        Assert.Equal(1, markets[usa].SubTerms);
        Assert.Equal(await db.OfferTerms.CountAsync(t => t.TermId == usa), markets[usa].Offers);

        var categories = await TermUsage.CountAsync(db, TaxonomyKind.SupportCategory);
        var legal = await CaseBuilder.TermIdAsync(db, TaxonomyKind.SupportCategory, "legal");
        Assert.Equal(await db.Offers.CountAsync(o => o.CategoryId == legal) + await db.OrganisationTerms.CountAsync(t => t.TermId == legal), categories[legal].Offers + categories[legal].Organisations);
    }
}
