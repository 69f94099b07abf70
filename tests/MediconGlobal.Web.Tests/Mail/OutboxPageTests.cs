using System.Net;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MediconGlobal.Web.Tests.Mail;

/// <summary>/admin/mail: administrators see e-mails not sent yet and can send one again now; nobody else can.</summary>
public sealed class OutboxPageTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task Get_ListsAGivenUpEmail_WithItsError()
    {
        var to = $"failed-{Guid.NewGuid():N}@test.example";
        var id = await GivenUpAsync(to);
        var admin = await cases.AdministratorAsync();

        var page = await admin.GetPageAsync("/admin/mail");

        var row = page.QuerySelector($"tr[data-id='{id}']");
        Assert.NotNull(row);
        Assert.Contains(to, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Failed", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("550 mailbox unavailable", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostRetry_SendsTheEmail_AndItLeavesTheList()
    {
        var to = $"retry-{Guid.NewGuid():N}@test.example";
        var id = await GivenUpAsync(to);
        var admin = await cases.AdministratorAsync();

        var response = await admin.PostAsync($"/admin/mail?handler=Retry&id={id}", new Dictionary<string, string>());

        response.AssertRedirectsTo("/admin/mail");
        Assert.Single(cases.Portal.Mailbox.To(to));
        var row = await cases.DbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.NotNull(row.SentAt);
        Assert.Null((await admin.GetPageAsync("/admin/mail")).QuerySelector($"tr[data-id='{id}']"));
    }

    [Fact]
    public async Task PostRetry_OfAnUnknownOrSentEmail_Is404_AndSendsNothing()
    {
        var to = $"twice-{Guid.NewGuid():N}@test.example";
        var id = await GivenUpAsync(to);
        var admin = await cases.AdministratorAsync();
        await admin.PostAsync($"/admin/mail?handler=Retry&id={id}", new Dictionary<string, string>());

        var again = await admin.PostAsync($"/admin/mail?handler=Retry&id={id}", new Dictionary<string, string>());
        var unknown = await admin.PostAsync("/admin/mail?handler=Retry&id=987654321", new Dictionary<string, string>());

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (again.StatusCode, unknown.StatusCode));
        Assert.Single(cases.Portal.Mailbox.To(to));
    }

    [Fact]
    public async Task OtherRoles_AreRefused_AndCannotRetry()
    {
        var to = $"refused-{Guid.NewGuid():N}@test.example";
        var id = await GivenUpAsync(to);
        foreach (var client in new[] { await cases.ProjectManagerAsync(), await cases.AdvisorAsync(), await cases.PartnerAsync() })
        {
            (await client.GetAsync("/admin/mail")).AssertRedirectsTo("/Identity/Account/AccessDenied");
            (await client.PostAsync($"/admin/mail?handler=Retry&id={id}", new Dictionary<string, string>())).AssertRedirectsTo("/Identity/Account/AccessDenied");
        }

        Assert.Empty(cases.Portal.Mailbox.To(to));
        (await cases.Portal.CreatePortalClient().GetAsync("/admin/mail")).AssertRedirectsTo("/Identity/Account/Login");
    }

    [Fact]
    public async Task TheCleanUp_DeletesMessagesSentLongerAgoThanKept_AndKeepsRecentWaitingAndGivenUpOnes()
    {
        var old = await SentAsync($"old-{Guid.NewGuid():N}@test.example", DateTime.UtcNow.AddDays(-31));
        var recent = await SentAsync($"recent-{Guid.NewGuid():N}@test.example", DateTime.UtcNow.AddDays(-29));
        var givenUp = await GivenUpAsync($"kept-{Guid.NewGuid():N}@test.example");
        var admin = await cases.AdministratorAsync();
        Assert.Contains("Sent messages are deleted after 30 days.", (await admin.GetPageAsync("/admin/mail")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await using (var scope = cases.Portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxSender>().DeleteSentAsync(CancellationToken.None);
        }

        var left = await cases.DbAsync(db => db.OutboxMessages.Where(m => m.Id == old || m.Id == recent || m.Id == givenUp).Select(m => m.Id).ToListAsync());
        Assert.Equal(new[] { recent, givenUp }.Order(), left.Order());
    }

    /// <summary>An e-mail sent at <paramref name="sentAt"/>.</summary>
    private async Task<long> SentAsync(string to, DateTime sentAt)
    {
        var id = await GivenUpAsync(to);
        await cases.DbAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.GaveUpAt, (DateTime?)null).SetProperty(m => m.LastError, (string?)null).SetProperty(m => m.SentAt, sentAt)));
        return id;
    }

    /// <summary>An e-mail whose every attempt failed, as the outbox keeps it.</summary>
    private Task<long> GivenUpAsync(string to) => cases.DbAsync(async db =>
    {
        var message = new MimeMessage { Subject = "Your referral" };
        message.From.Add(MailboxAddress.Parse("no-reply@mediconglobal.example"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = "Hello" };
        var row = new OutboxMessage(to, message.Subject, message.ToString(), DateTime.UtcNow.AddHours(-8));
        // Inserted already given up: a row inserted as due and given up after would be the portal's background
        // sender's to deliver in between (it did, once in CI, and the retry then found it sent).
        var entry = db.OutboxMessages.Add(row);
        entry.Property(m => m.Attempts).CurrentValue = 12;
        entry.Property(m => m.GaveUpAt).CurrentValue = DateTime.UtcNow.AddHours(-1);
        entry.Property(m => m.LastError).CurrentValue = "550 mailbox unavailable";
        await db.SaveChangesAsync();
        return row.Id;
    });
}
