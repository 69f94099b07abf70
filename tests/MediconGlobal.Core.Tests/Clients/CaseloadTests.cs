using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Testing;

namespace MediconGlobal.Core.Tests.Clients;

public sealed class CaseloadTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Load_CountsOpenNeedsWaitingAndOverdueReferrals_AttentionFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        var quiet = await CaseBuilder.CompanyAsync(db, "A Quiet Client", OrganisationSeed.SmiLe, at: now.AddDays(-90));
        var busy = await CaseBuilder.CompanyAsync(db, "Busy Client", OrganisationSeed.SmiLe, at: now.AddDays(-60));
        await CaseBuilder.CompanyAsync(db, "Someone Else's Client", OrganisationSeed.InnovationSkane);
        await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, busy, "legal", "usa", now.AddDays(-30)), "is-advisory-legal", now.AddDays(-20));
        await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, busy, "financial", "uk", now.AddDays(-3)), "is-advisory-financial", now.AddDays(-2));
        await CaseBuilder.NeedAsync(db, busy, "events", "japan", now.AddDays(-1));

        var page = await Caseload.LoadAsync(db, Viewers.Advisor(smile), new CaseloadFilter(), now);

        Assert.Equal(2, page.Total);
        Assert.Collection(
            page.Rows,
            r => Assert.Equal(("Busy Client", 3, 2, 1), (r.Name, r.OpenNeeds, r.WaitingForAnswer, r.Overdue)),
            r => Assert.Equal((quiet.Name, 0, 0, 0), (r.Name, r.OpenNeeds, r.WaitingForAnswer, r.Overdue)));
        Assert.Equal(now.AddDays(-1), page.Rows[0].LastActivity);
        Assert.Equal(now.AddDays(-90), page.Rows[1].LastActivity);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Load_FocusAndSearch_NarrowTheList(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        var overdue = await CaseBuilder.CompanyAsync(db, "Överdue Östra AB", OrganisationSeed.SmiLe, organisationNumber: "5560125790");
        await CaseBuilder.CompanyAsync(db, "Fresh Client", OrganisationSeed.SmiLe);
        var waiting = await CaseBuilder.CompanyAsync(db, "Waiting Client", OrganisationSeed.SmiLe);
        var open = await CaseBuilder.CompanyAsync(db, "Open Need Client", OrganisationSeed.SmiLe);
        await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, overdue, "legal", "usa", now.AddDays(-30)), "is-advisory-legal", now.AddDays(-15));
        await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, waiting, "legal", "usa", now.AddDays(-5)), "is-advisory-legal", now.AddDays(-4));
        await CaseBuilder.NeedAsync(db, open, "events", "japan", now.AddDays(-1));
        var viewer = Viewers.Advisor(smile);

        Assert.Equal(["Överdue Östra AB", "Waiting Client", "Open Need Client"], (await Caseload.LoadAsync(db, viewer, new CaseloadFilter(Focus: CaseloadFocus.OpenNeeds), now)).Rows.Select(r => r.Name));
        Assert.Equal(["Överdue Östra AB", "Waiting Client"], (await Caseload.LoadAsync(db, viewer, new CaseloadFilter(Focus: CaseloadFocus.WaitingForAnswer), now)).Rows.Select(r => r.Name));
        Assert.Equal(["Waiting Client"], (await Caseload.LoadAsync(db, viewer, new CaseloadFilter(Query: "client", Focus: CaseloadFocus.WaitingForAnswer), now)).Rows.Select(r => r.Name));

        Assert.Equal(["Överdue Östra AB"], (await Caseload.LoadAsync(db, viewer, new CaseloadFilter(Focus: CaseloadFocus.Overdue), now)).Rows.Select(r => r.Name));
        Assert.Equal(["Överdue Östra AB"], (await Caseload.LoadAsync(db, viewer, new CaseloadFilter(Query: "overdue ostra"), now)).Rows.Select(r => r.Name));
        Assert.Equal(["Överdue Östra AB"], (await Caseload.LoadAsync(db, viewer, new CaseloadFilter(Query: "556012-5790"), now)).Rows.Select(r => r.Name));
        Assert.Empty((await Caseload.LoadAsync(db, viewer, new CaseloadFilter(Focus: CaseloadFocus.Overdue), now.AddDays(-2))).Rows);
    }
}
