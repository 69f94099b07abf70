using System.Globalization;
using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

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

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task KeptFigures_AReferralAnsweredOnAnotherContext_IsRankedByTheNextLoad_ANoteLoadsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var cache = new CaseloadCache();
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        await CaseBuilder.CompanyAsync(db, "Zeta Client", OrganisationSeed.SmiLe);
        await CaseBuilder.CompanyAsync(db, "Örebro Client", OrganisationSeed.SmiLe);
        var waiting = await CaseBuilder.CompanyAsync(db, "Ängel Client", OrganisationSeed.SmiLe);
        var referral = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, waiting, "legal", "usa", now.AddDays(-30)), "is-advisory-legal", now.AddDays(-20));
        var viewer = Viewers.Advisor(smile);

        var before = await Caseload.LoadAsync(db, viewer, new CaseloadFilter(), now, cache);
        await using (var other = database.CreateContext())
        {
            (await other.Referrals.SingleAsync(r => r.Id == referral.Id)).Accept(null, new Actor("u", "U"), now);
            await other.SaveChangesAsync();
        }

        var after = await Caseload.LoadAsync(db, viewer, new CaseloadFilter(), now, cache);
        db.CompanyNotes.Add(new CompanyNote { CompanyId = waiting.Id, Text = "Called them.", AuthorUserId = "u", AuthorName = "U", CreatedAt = now });
        await db.SaveChangesAsync();
        var sv = await WithCultureAsync("sv-SE", () => Caseload.LoadAsync(db, viewer, new CaseloadFilter(), now, cache));

        Assert.Equal(["Ängel Client", "Örebro Client", "Zeta Client"], before.Rows.Select(r => r.Name));
        Assert.Equal((1, 1), (before.Rows[0].WaitingForAnswer, before.Rows[0].Overdue));
        Assert.Equal(["Ängel Client", "Örebro Client", "Zeta Client"], after.Rows.Select(r => r.Name));
        Assert.Equal((0, 0, 1), (after.Rows[0].WaitingForAnswer, after.Rows[0].Overdue, after.Rows[0].OpenNeeds));
        Assert.Equal(["Ängel Client", "Zeta Client", "Örebro Client"], sv.Rows.Select(r => r.Name));
        Assert.Equal(2, cache.Builds);
    }

    private static async Task<T> WithCultureAsync<T>(string culture, Func<Task<T>> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
