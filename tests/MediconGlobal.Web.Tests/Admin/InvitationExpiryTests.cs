using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Admin;

/// <summary>
/// An invitation link's life (issue 11 item 1, ADR 1104): it works for <see cref="ApplicationUser.InvitationLifespanDays"/>
/// days by the portal's clock, then opens a page that says when it expired; "send again" gives a new link and kills
/// the old one; a used link cannot be used a second time. The portal runs on a clock the test moves.
/// </summary>
public sealed class InvitationExpiryTests : IAsyncLifetime
{
    private readonly TestClock _clock = new() { Now = DateTimeOffset.UtcNow };
    private readonly PortalFactory _portal;

    public InvitationExpiryTests() => _portal = new PortalFactory { Clock = _clock };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ALinkOlderThanSevenDays_OpensAPageSayingWhenItExpired_AndSetsNoPassword()
    {
        var (email, link) = await InviteAsync("late");

        _clock.Advance(TimeSpan.FromDays(ApplicationUser.InvitationLifespanDays) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreatePortalClient().GetAsync(Mailbox.Local(link))).StatusCode);
        var invitee = _portal.CreatePortalClient();
        var form = await invitee.GetPageAsync(Mailbox.Local(link));
        _clock.Advance(TimeSpan.FromMinutes(2));

        var opened = await _portal.CreatePortalClient().GetAsync(Mailbox.Local(link));
        var saved = await invitee.SubmitAsync(form, "#accept-invitation", new Dictionary<string, string>
        {
            ["Input.Password"] = PortalFactory.Password,
            ["Input.ConfirmPassword"] = PortalFactory.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, opened.StatusCode);
        var message = (await opened.ParseBodyAsync()).QuerySelector(".alert-danger")!.TextContent;
        Assert.Contains("This invitation expired on", message, StringComparison.Ordinal);
        Assert.Contains("Ask the person who invited you to send it again", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.True((await UserAsync(email)).IsInvitationPending);
        await AssertCannotSignInAsync(email);
    }

    [Fact]
    public async Task SendingAgainAfterExpiry_GivesANewLinkForSevenMoreDays_AndTheOldLinkStaysDead()
    {
        var (email, first) = await InviteAsync("resent");
        _clock.Advance(TimeSpan.FromDays(ApplicationUser.InvitationLifespanDays + 1));
        var admin = await AdminAsync();
        var user = await UserAsync(email);
        var details = await admin.GetPageAsync($"/admin/users/{user.Id}");
        Assert.Contains("expired", details.QuerySelector("#invitation-expiry")!.TextContent, StringComparison.Ordinal);

        (await admin.SubmitAsync(details, "form[action*='handler=ResendInvitation']")).AssertRedirectsTo($"/admin/users/{user.Id}");
        var second = Mailbox.LinkIn(await _portal.Mailbox.WaitForAsync(email, m => !m.Links.Contains(first)), "AcceptInvitation");
        _clock.Advance(TimeSpan.FromDays(ApplicationUser.InvitationLifespanDays - 1));

        var old = await _portal.CreatePortalClient().GetAsync(Mailbox.Local(first));
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Contains("has already been used or is not complete", (await old.ParseBodyAsync()).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        (await AcceptAsync(second)).AssertRedirectsTo("/Identity/Account/Login");
        await _portal.CreatePortalClient().SignInAsync(email, PortalFactory.Password);
    }

    [Fact]
    public async Task AUsedLink_CannotBeUsedASecondTime_EvenWithAFormOpenedBefore()
    {
        var (email, link) = await InviteAsync("twice");
        var secondTab = _portal.CreatePortalClient();
        var openedEarlier = await secondTab.GetPageAsync(Mailbox.Local(link));

        (await AcceptAsync(link)).AssertRedirectsTo("/Identity/Account/Login");
        var stampAfterFirstUse = (await UserAsync(email)).SecurityStamp;
        var reopened = await _portal.CreatePortalClient().GetAsync(Mailbox.Local(link));
        var replayed = await secondTab.SubmitAsync(openedEarlier, "#accept-invitation", new Dictionary<string, string>
        {
            ["Input.Password"] = "Another-password-2026!",
            ["Input.ConfirmPassword"] = "Another-password-2026!",
        });

        Assert.Equal(HttpStatusCode.BadRequest, reopened.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal(stampAfterFirstUse, (await UserAsync(email)).SecurityStamp);
        await _portal.CreatePortalClient().SignInAsync(email, PortalFactory.Password);
    }

    /// <summary>An administrator invites an advisor at SmiLe now; the address and the link from the e-mail.</summary>
    private async Task<(string Email, string Link)> InviteAsync(string name)
    {
        var email = Unique(name);
        var admin = await AdminAsync();
        var page = await admin.GetPageAsync("/admin/users/invite");
        var smile = page.QuerySelectorAll("#Input_OrganisationId option").First(o => o.TextContent.Trim() == "SmiLe Incubator").GetAttribute("value")!;
        var response = await admin.SubmitAsync(page, "#invite-form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Invited " + name,
            ["Input.Role"] = Roles.Advisor,
            ["Input.OrganisationId"] = smile,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (email, Mailbox.LinkIn(await _portal.Mailbox.WaitForAsync(email), "AcceptInvitation"));
    }

    private async Task<HttpResponseMessage> AcceptAsync(string link)
    {
        var invitee = _portal.CreatePortalClient();
        return await invitee.SubmitAsync(await invitee.GetPageAsync(Mailbox.Local(link)), "#accept-invitation", new Dictionary<string, string>
        {
            ["Input.Password"] = PortalFactory.Password,
            ["Input.ConfirmPassword"] = PortalFactory.Password,
        });
    }

    private async Task AssertCannotSignInAsync(string email)
    {
        var client = _portal.CreatePortalClient();
        var response = await client.SubmitAsync(await client.GetPageAsync("/Identity/Account/Login"), "form#account", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = PortalFactory.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A new administrator each time: the clock jumps days, further than any session lives.</summary>
    private Task<HttpClient> AdminAsync() => _portal.SignedInClientAsync(Unique("admin"), Roles.Administrator, OrganisationSeed.SmiLe);

    private Task<ApplicationUser> UserAsync(string email) => _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@test.example";
}
