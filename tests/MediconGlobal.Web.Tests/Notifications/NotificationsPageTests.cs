using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.Notifications;

public sealed class NotificationsPageTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task Partner_SeesANewReferral_ThenNothingNewAfterTheVisit()
    {
        var partner = await cases.PartnerAsync(OrganisationSeed.SwedishInstitute);
        var company = await cases.CompanyAsync(CasePortal.Unique("Pilot Hopeful"), consent: false);
        var need = await cases.NeedAsync(company, "training", null);
        await cases.ReferralAsync(need, "si-pilot");

        var home = await partner.GetPageAsync("/");
        Assert.Equal("1", home.QuerySelector("a[href='/notifications'] .badge [aria-hidden=true]")?.TextContent);
        Assert.Equal("1 new notification", home.QuerySelector("a[href='/notifications'] .badge .visually-hidden")?.TextContent);
        var first = await partner.GetPageAsync("/notifications");
        var second = await partner.GetPageAsync("/notifications");

        var item = Assert.Single(first.QuerySelectorAll("#new-heading ~ .notification-list li"));
        Assert.Contains("referred an anonymous company to Swedish Institute", item.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(company.Name, first.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Nothing new since your last visit.", second.Text(), StringComparison.Ordinal);
        Assert.Null(second.QuerySelector("a[href='/notifications'] .badge"));
    }
}
