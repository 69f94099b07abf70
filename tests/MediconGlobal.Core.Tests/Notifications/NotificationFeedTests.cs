using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Testing;

namespace MediconGlobal.Core.Tests.Notifications;

public sealed class NotificationFeedTests
{
    [Fact]
    public async Task Feed_ShowsOthersChangesSinceTheLastVisit_WithinTheViewersScope()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var (smile, skane, dlsc) = (await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Dlsc));
        var secret = await CaseBuilder.CompanyAsync(db, "Secretive Therapeutics", OrganisationSeed.SmiLe, consent: false);
        var need = await CaseBuilder.NeedAsync(db, secret, "legal", "usa", now.AddDays(-1));
        var referral = await CaseBuilder.ReferAsync(db, need, "is-advisory-legal", now.AddHours(-2));
        referral.Accept("Welcome", new Actor("partner-under-test", "Nora Partner"), now.AddHours(-1));
        await db.SaveChangesAsync();

        var partnerFeed = await NotificationFeed.LoadAsync(db, Viewers.Partner(skane), now.AddDays(-3), now);
        var advisorFeed = await NotificationFeed.LoadAsync(db, Viewers.Advisor(smile), now.AddDays(-3), now);
        var otherPartner = await NotificationFeed.LoadAsync(db, Viewers.Partner(dlsc), now.AddDays(-3), now);
        var afterVisit = await NotificationFeed.LoadAsync(db, Viewers.Advisor(smile), now.AddMinutes(-30), now);

        var received = Assert.Single(partnerFeed);
        Assert.Equal((NotificationKind.ReferralSent, (string?)null), (received.Kind, received.Company));
        var accepted = Assert.Single(advisorFeed);
        Assert.Equal((NotificationKind.ReferralAccepted, "Secretive Therapeutics", "Nora Partner"), (accepted.Kind, accepted.Company, accepted.Actor));
        Assert.Empty(otherPartner);
        Assert.Empty(afterVisit);
    }

    [Fact]
    public async Task Feed_ReferralUnansweredFor14Days_AppearsAsOverdueOnBothSides()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var (smile, skane) = (await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane));
        var company = await CaseBuilder.CompanyAsync(db, "Waiting Client", OrganisationSeed.SmiLe);
        await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", now.AddDays(-20)), "is-advisory-legal", now.AddDays(-15));

        var advisor = await NotificationFeed.LoadAsync(db, Viewers.Advisor(smile), now.AddDays(-2), now);
        var partner = await NotificationFeed.LoadAsync(db, Viewers.Partner(skane), now.AddDays(-2), now);

        Assert.Equal(NotificationKind.ReferralOverdue, Assert.Single(advisor).Kind);
        Assert.Equal(NotificationKind.ReferralOverdue, Assert.Single(partner).Kind);
    }

    [Fact]
    public async Task Feed_ReferralStillUnansweredAtTwiceThePromise_TellsTheAdvisorsOnly()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var (smile, skane) = (await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane));
        var company = await CaseBuilder.CompanyAsync(db, "Silent Partner Client", OrganisationSeed.SmiLe);
        var referral = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", now.AddDays(-30)), "is-advisory-legal", now.AddDays(-29));

        var advisor = await NotificationFeed.LoadAsync(db, Viewers.Advisor(smile), now.AddDays(-2), now);
        var partner = await NotificationFeed.LoadAsync(db, Viewers.Partner(skane), now.AddDays(-2), now);

        var told = Assert.Single(advisor);
        Assert.Equal((NotificationKind.ReferralUnanswered, referral.EscalatesAt!.Value, referral.Id), (told.Kind, told.At, told.ReferralId!.Value));
        Assert.Empty(partner);
    }
}
