using System.Text;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Areas.Identity;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Pages.Referrals;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Tests.Mail;

/// <summary>
/// Every e-mail the portal writes is composed through the localiser (issue 11: every visible string goes through
/// it): the portal runs with a localiser that marks each string it returns, and every subject and body of every
/// kind of e-mail must consist of marked text only. A subject or sentence written as a bare English literal (or
/// built by concatenating one) stays unmarked and fails the test.
/// </summary>
public sealed class MailLocalisationTests : IAsyncLifetime
{
    private const char Open = '⟦';
    private const char Close = '⟧';

    private readonly PortalFactory _portal = new() { TestServices = MarkEveryLocalisedString };

    public Task InitializeAsync()
    {
        _portal.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ReferralAndRequestEmails_AreComposedOnlyFromLocalisedText()
    {
        var advisor = await _portal.CreateUserAsync(Unique("advisor"), Roles.Advisor, OrganisationSeed.SmiLe);
        await _portal.CreateUserAsync(Unique("partner"), Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var (_, need, sent, answered, emailed) = await _portal.WithDbAsync(db =>
            ReferralMailCase.CreateAsync(db, "Mail Client " + Guid.NewGuid().ToString("N")[..6], advisor.Id, Unique("contact")));

        using var scope = _portal.Services.CreateScope();
        var mail = scope.ServiceProvider.GetRequiredService<PortalMail>();
        List<OutgoingMail> mails =
        [
            .. await mail.ReferralSentAsync(sent.Id),
            .. await mail.ReferralAnsweredAsync(answered.Id),
            .. await mail.ReferralAnsweredAsync(sent.Id),
            .. await mail.HelpRequestedAsync(need.Id),
            .. await scope.ServiceProvider.GetRequiredService<ReferralsByEmail>().MailAsync(emailed.Id, CancellationToken.None),
        ];

        Assert.True(mails.Count >= 5, $"Expected every kind of e-mail, got {mails.Count}.");
        Assert.All(mails, m => AssertLocalised(m.Subject, m.Body));
    }

    [Fact]
    public async Task AccountEmails_AreComposedOnlyFromLocalisedText()
    {
        var written = await AccountEmails.SendEveryKindAsync(_portal);

        Assert.Equal(AccountEmails.Kinds, written.Count);
        Assert.All(written, m => AssertLocalised(m.Subject, m.TextBody));
    }

    [Fact]
    public async Task FounderAndProblemReportEmails_AreComposedOnlyFromLocalisedText()
    {
        await _portal.CreateUserAsync(Unique("advisor"), Roles.Advisor, OrganisationSeed.SmiLe);
        await _portal.CreateUserAsync(Unique("partner"), Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var (companyId, reportId) = await _portal.WithDbAsync(async db =>
        {
            var company = await CaseBuilder.CompanyAsync(db, "Mail Founder " + Guid.NewGuid().ToString("N")[..6], OrganisationSeed.SmiLe);
            var report = new CorrectionRequest(await db.Offers.SingleAsync(o => o.SeedKey == "is-advisory-legal"), "Out of date.", null, Unique("reporter"), null, DateTime.UtcNow);
            report.Answer(CorrectionStatus.Resolved, "Corrected.", "Nora", DateTime.UtcNow);
            db.CorrectionRequests.Add(report);
            await db.SaveChangesAsync();
            return (company.Id, report.Id);
        });

        using var scope = _portal.Services.CreateScope();
        var companyMail = scope.ServiceProvider.GetRequiredService<MediconGlobal.Web.Pages.MyCompany.CompanyMail>();
        var reportMail = scope.ServiceProvider.GetRequiredService<MediconGlobal.Web.Pages.Offers.ProblemReportMail>();
        List<OutgoingMail> mails =
        [
            .. await companyMail.ConsentWithdrawnAsync(companyId, CancellationToken.None),
            .. await companyMail.CorrectionProposedAsync(companyId, CancellationToken.None),
            .. await reportMail.NewReportAsync(reportId, CancellationToken.None),
            .. await reportMail.AnsweredAsync(reportId, CancellationToken.None),
        ];

        Assert.True(mails.Count >= 4, $"Expected every kind of e-mail, got {mails.Count}.");
        Assert.All(mails, m => AssertLocalised(m.Subject, m.Body));
    }

    [Fact]
    public void TheCheck_CatchesABareLiteral()
    {
        Assert.ThrowsAny<Exception>(() => AssertLocalised($"{Open}Subject{Close}", $"{Open}Hello,{Close}\n\nSee you soon."));
        Assert.ThrowsAny<Exception>(() => AssertLocalised("New referral", $"{Open}Body{Close}"));
        AssertLocalised($"{Open}Subject {Open}Advisor{Close}{Close}", $"{Open}Hello{Close}\n\n{Open}Bye{Close}");
    }

    /// <summary>What is left of <paramref name="subject"/> and <paramref name="body"/> outside the localiser's marks must be blank.</summary>
    private static void AssertLocalised(string subject, string body)
    {
        Assert.True(Unmarked(subject).Trim().Length == 0, $"Subject not from the localiser: \"{subject}\"");
        Assert.True(Unmarked(body).Trim().Length == 0, $"Body text not from the localiser: \"{Unmarked(body).Trim()}\" in \"{body}\"");
    }

    private static string Unmarked(string text)
    {
        var outside = new StringBuilder();
        var depth = 0;
        foreach (var character in text)
        {
            depth += character == Open ? 1 : character == Close ? -1 : 0;
            if (depth == 0 && character != Close)
            {
                outside.Append(character);
            }
        }

        return outside.ToString();
    }

    /// <summary>Wraps the portal's own localiser factory (whatever it is) so that every string it gives is marked.</summary>
    private static void MarkEveryLocalisedString(IServiceCollection services)
    {
        var portals = services.Last(d => d.ServiceType == typeof(IStringLocalizerFactory));
        services.AddSingleton<IStringLocalizerFactory>(provider => new MarkingFactory((IStringLocalizerFactory)(portals.ImplementationInstance
            ?? portals.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, portals.ImplementationType!))));
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@test.example";

    private sealed class MarkingFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new Marking(inner.Create(resourceSource));

        public IStringLocalizer Create(string baseName, string location) => new Marking(inner.Create(baseName, location));
    }

    private sealed class Marking(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Mark(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Mark(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private static LocalizedString Mark(LocalizedString text) => new(text.Name, Open + text.Value + Close, text.ResourceNotFound, text.SearchedLocation);
    }
}
