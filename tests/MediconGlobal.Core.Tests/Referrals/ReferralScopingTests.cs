using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Referrals;

/// <summary>Who sees which referrals and needs, and who the company is, enforced in the queries.</summary>
public sealed class ReferralScopingTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ReceivingPartner_WithoutConsent_SeesTheNeedButNotTheCompany(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var skane = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane);
        var secret = await CaseBuilder.CompanyAsync(db, "Secretive Therapeutics", OrganisationSeed.SmiLe, consent: false, organisationNumber: "5560125790");
        var open = await CaseBuilder.CompanyAsync(db, "Open Diagnostics", OrganisationSeed.SmiLe, consent: true);
        var hidden = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, secret, "legal", "usa", now), "is-advisory-legal", now);
        await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, open, "legal", "uk", now), "is-advisory-legal", now);
        var partner = Viewers.Partner(skane);

        var rows = await ReferralQueries.ListAsync(db, partner, ReferralFocus.All, now);
        var detail = await ReferralQueries.FindAsync(db, partner, hidden.Id, now);

        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.CompanyName is null && r.Market == "USA");
        Assert.Contains(rows, r => r.CompanyName == "Open Diagnostics");
        Assert.NotNull(detail);
        Assert.True(detail.Company.IsAnonymous);
        Assert.Null(detail.Company.OrganisationNumber);
        Assert.Null(detail.Company.RecordId);
        Assert.Equal("Needs help to enter the market.", detail.Description);
        Assert.True(detail.CanAnswer);
    }

    [Fact]
    public async Task Referrals_AreScopedPerRole()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var (smile, skane, dlsc) = (await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Dlsc));
        var smileClient = await CaseBuilder.CompanyAsync(db, "SmiLe Client", OrganisationSeed.SmiLe);
        var skaneClient = await CaseBuilder.CompanyAsync(db, "Skåne Client", OrganisationSeed.InnovationSkane);
        var toSkane = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, smileClient, "legal", "usa", now), "is-advisory-legal", now);
        var fromSkane = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, skaneClient, "partnering", "eu", now), "een-partnering", now, sentByUserId: "skane-advisor");

        async Task<int[]> Visible(Viewer viewer) => await db.Referrals.VisibleTo(viewer).OrderBy(r => r.Id).Select(r => r.Id).ToArrayAsync();

        Assert.Equal([toSkane.Id], await Visible(Viewers.Advisor(smile)));
        Assert.Equal([fromSkane.Id], await Visible(Viewers.Advisor(skane, "skane-advisor")));
        Assert.Equal([toSkane.Id], await Visible(Viewers.Partner(skane)));
        Assert.Empty(await Visible(Viewers.Partner(dlsc)));
        Assert.Equal([toSkane.Id], await Visible(Viewers.Founder(smileClient.Id)));
        Assert.Equal([toSkane.Id, fromSkane.Id], await Visible(Viewers.ProjectManager(smile)));
        Assert.Null(await ReferralQueries.FindAsync(db, Viewers.Partner(dlsc), toSkane.Id, now));

        Assert.Equal(1, await db.Needs.VisibleTo(Viewers.Advisor(smile)).CountAsync());
        Assert.Equal(0, await db.Needs.VisibleTo(Viewers.Partner(skane)).CountAsync());
        Assert.Equal(1, await db.Needs.VisibleTo(Viewers.Founder(skaneClient.Id)).CountAsync());
        Assert.Equal(2, await db.Needs.VisibleTo(Viewers.ProjectManager(smile)).CountAsync());
        Assert.Null(await CompanyView.LoadAsync(db, Viewers.Advisor(skane), smileClient.Id, now));
    }
}
