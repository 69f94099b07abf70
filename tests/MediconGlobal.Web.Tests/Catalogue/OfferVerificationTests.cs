using System.Net;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Pages.Partner.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Catalogue;

/// <summary>
/// The verification cycle (issue 19 item 5, ADR 1934) on a portal whose clock the test moves: the request e-mail goes
/// out once per organisation even when two instances run at once; the partner overview and the project managers' list
/// show what is due and what lapsed.
/// </summary>
public sealed class OfferVerificationTests : IAsyncLifetime
{
    private const string Staff = "verify-staff@example.test";

    private readonly TestClock _clock = new() { Now = DateTimeOffset.UtcNow };
    private readonly PortalFactory _portal;

    public OfferVerificationTests() => _portal = new PortalFactory { Clock = _clock };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task DueOffers_AreAskedForOnce_InOneEmailPerOrganisation_EvenByTwoInstancesAtOnce()
    {
        await _portal.CreateUserAsync(Staff, Roles.PartnerStaff, OrganisationSeed.Dlsc);
        var names = await AddDueOffersAsync("Due desk A", "Due desk B");

        var runs = await Task.WhenAll(RunAsync(), RunAsync());

        Assert.Equal(1, runs.Sum());
        var mail = Assert.Single(_portal.Mailbox.To(Staff));
        Assert.All(names, name => Assert.Contains(name, mail.TextBody, StringComparison.Ordinal));
        Assert.Contains("2 offers", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(0, await RunAsync());
        Assert.Single(_portal.Mailbox.To(Staff));
    }

    /// <summary>
    /// The same on PostgreSQL with two portal instances on one database and a clock reading below a microsecond (the
    /// system's does): one e-mail in all, listing the offers — the mark read back equals the moment written.
    /// </summary>
    [Fact]
    public async Task DueOffers_AreAskedForOnce_ByTwoInstancesOnPostgres()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Postgres);
        await database.InitializeAsync();
        var clock = new TestClock { Now = new DateTimeOffset((DateTime.UtcNow.Ticks / 10 * 10) + 7, TimeSpan.Zero) };
        await using var first = new PortalFactory(postgres: database) { Clock = clock };
        await using var second = new PortalFactory(postgres: database) { Clock = clock };
        await first.CreateUserAsync(Staff, Roles.PartnerStaff, OrganisationSeed.Dlsc);
        var names = await AddDueOffersAsync(first, clock, "Due desk on PostgreSQL A", "Due desk on PostgreSQL B");

        var runs = await Task.WhenAll(RunAsync(first), RunAsync(second));

        Assert.Equal(1, runs.Sum());
        var mail = Assert.Single(first.Mailbox.To(Staff).Concat(second.Mailbox.To(Staff)));
        Assert.All(names, name => Assert.Contains(name, mail.TextBody, StringComparison.Ordinal));
        Assert.Equal(0, await RunAsync(second));
    }

    [Fact]
    public async Task PartnerAndProjectManager_SeeWhatIsDue_ThenWhatLapsed_AndAdvisorsCannotOpenTheList()
    {
        var names = await AddDueOffersAsync("Lapsing desk");
        await RunAsync();

        var partner = await _portal.SignedInClientAsync(Staff, Roles.PartnerStaff, OrganisationSeed.Dlsc);
        var due = (await partner.GetPageAsync("/partner")).QuerySelectorAll(".partner-offers tbody tr").Single(r => r.TextContent.Contains(names[0], StringComparison.Ordinal));
        Assert.Contains("Please confirm it is still correct by", due.TextContent, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromDays(21));
        partner = _portal.CreatePortalClient();
        await partner.SignInAsync(Staff, PortalFactory.Password);
        var lapsed = (await partner.GetPageAsync("/partner")).QuerySelectorAll(".partner-offers tbody tr").Single(r => r.TextContent.Contains(names[0], StringComparison.Ordinal));
        var pm = await _portal.SignedInClientAsync("verify-pm@example.test", Roles.ProjectManager, OrganisationSeed.Mva);
        var list = await pm.GetPageAsync("/dashboard/verification");
        var advisor = await _portal.SignedInClientAsync("verify-advisor@example.test", Roles.Advisor, OrganisationSeed.SmiLe);

        Assert.Contains("Needs verification", lapsed.TextContent, StringComparison.Ordinal);
        Assert.Contains(names[0], list.QuerySelector("#verification-lapsed")!.TextContent, StringComparison.Ordinal);
        Assert.Null(list.QuerySelector("#verification-asked"));
        Assert.NotNull(list.QuerySelector("title"));
        var refused = await advisor.GetAsync("/dashboard/verification");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Identity/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private Task<string[]> AddDueOffersAsync(params string[] names) => AddDueOffersAsync(_portal, _clock, names);

    /// <summary>Published offers of the Danish Life Science Cluster last reviewed eleven months and two days before the clock.</summary>
    private static Task<string[]> AddDueOffersAsync(PortalFactory portal, TimeProvider clock, params string[] names) => portal.WithDbAsync(async db =>
    {
        var reviewed = clock.GetUtcNow().UtcDateTime.AddMonths(-11).AddDays(-2);
        var unique = names.Select(CasePortal.Unique).ToArray();
        foreach (var name in unique)
        {
            var offer = await CatalogueBuilder.AddOfferAsync(db, name, OrganisationSeed.Dlsc);
            offer.MarkReviewed(reviewed);
        }

        await db.SaveChangesAsync();
        return unique;
    });

    private Task<int> RunAsync() => RunAsync(_portal);

    private static async Task<int> RunAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OfferVerificationRequests>().SendDueAsync(CancellationToken.None);
    }
}
