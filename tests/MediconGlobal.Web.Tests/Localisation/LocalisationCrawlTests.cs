using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// Issue 14 item 5: every page as every role (and every form's error state) in the pseudo-localisation culture, where
/// any visible text that is not transformed bypassed the localiser; and the same crawl in Swedish and Danish, where a
/// key without a translation fails. Data (names, descriptions people wrote) is told apart by its presence in the
/// database. A page that no crawl reaches fails too, so new pages join the crawl or are named in <see cref="NotCrawled"/>.
/// </summary>
public sealed partial class LocalisationCrawlTests : IAsyncLifetime
{
    /// <summary>Pages the crawl cannot reach by following links, with the reason.</summary>
    private static readonly Dictionary<string, string> NotCrawled = new(StringComparer.Ordinal)
    {
        ["/Language"] = "the language switch only answers POST and redirects back",

        // Pages behind e-mailed tokens or a two-factor state, and records the demo data lacks.
        ["/Dev/Mail"] = "Development only",
        ["/Error"] = "re-executed for status codes; its texts are crawled through /no-such-page and /Error?code=…",
        ["/Identity/Account/AccessDenied"] = "answers 403 on purpose, so it is never recorded as reached; its texts are crawled through its seed",
        ["/Identity/Account/AcceptInvitation"] = "needs an e-mailed invitation token",
        ["/Identity/Account/ConfirmEmail"] = "needs an e-mailed token",
        ["/Identity/Account/ConfirmEmailChange"] = "needs an e-mailed token",
        ["/Identity/Account/ForgotPasswordConfirmation"] = "reached after a POST",
        ["/Identity/Account/LoginWith2fa"] = "needs two-factor sign-in",
        ["/Identity/Account/LoginWithRecoveryCode"] = "needs two-factor sign-in",
        ["/Identity/Account/Logout"] = "ends the crawl's session",
        ["/Identity/Account/Manage/Disable2fa"] = "needs two-factor set up",
        ["/Identity/Account/Manage/GenerateRecoveryCodes"] = "needs two-factor set up",
        ["/Identity/Account/Manage/ResetAuthenticator"] = "needs two-factor set up",
        ["/Identity/Account/Manage/ShowRecoveryCodes"] = "needs two-factor set up",
        ["/Identity/Account/RegisterConfirmation"] = "reached after registering",
        ["/Identity/Account/ResetPassword"] = "needs an e-mailed token",
        ["/Identity/Account/ResetPasswordConfirmation"] = "reached after a reset",
        ["/Partner/Corrections/Answer"] = "the demo data has no correction request",
        ["/Referrals/Answer"] = "needs the token e-mailed with a referral to an organisation without accounts",
        ["/Reports/Gaps/Snapshots/Compare"] = "the demo data has no snapshot",
        ["/Reports/Gaps/Snapshots/Details"] = "the demo data has no snapshot",
        ["/SavedSearches/Edit"] = "the demo data has no saved search",
        ["/SavedSearches/Unsubscribe"] = "needs the token e-mailed with an alert",
    };

    /// <summary>Texts that are the same in every language: the product's name.</summary>
    private static readonly HashSet<string> Untranslatable = new(StringComparer.Ordinal) { "MediconGlobal" };

    private readonly VisitedEndpoints _visited = new();
    private readonly PortalFactory _portal;

    public LocalisationCrawlTests()
    {
        _portal = new PortalFactory("Development")
        {
            TestServices = services =>
            {
                services.AddSingleton(_visited);
                services.AddSingleton<IStartupFilter, RecordEndpoints>();
            },
        };
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task EveryPageAsEveryRole_InThePseudoCulture_ShowsOnlyLocalisedText()
    {
        // Data read before and after: the crawl's emptied forms may clear a text it has already seen on a page.
        var data = await DataTextsAsync();
        var findings = await CrawlAsync(PortalCultures.Pseudo);

        data.UnionWith(await DataTextsAsync());
        var blob = string.Join('\u0001', data);
        var untransformed = findings
            .Where(f => !data.Contains(f.Text) && !blob.Contains(f.Text, StringComparison.Ordinal) && !Untranslatable.Contains(f.Text))
            .GroupBy(f => f.Text)
            .Select(g => (Text: g.Key, Where: g.First().Url))
            .OrderBy(f => f.Text, StringComparer.Ordinal)
            .ToList();
        // Known bypasses still to be swept; the list only shrinks (issue 14).
        var baseline = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Localisation", "pseudo-baseline.txt")).ToHashSet(StringComparer.Ordinal);
        var report = string.Join("\n", untransformed.Select(f => $"{f.Text}\t{f.Where}"));
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "mediconglobal-l10n-pseudo.txt"), report);

        var fresh = untransformed.Where(f => !baseline.Contains(f.Text)).ToList();
        Assert.True(fresh.Count == 0, $"{fresh.Count} texts bypass the localiser (not transformed in {PortalCultures.Pseudo}):\n"
            + string.Join("\n", fresh.Take(200).Select(f => $"  \"{f.Text}\" on {f.Where}")));
        Assert.Empty(_failures);
        AssertEveryPageReached();
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("da")]
    public async Task EveryPageAsEveryRole_InSwedishAndDanish_HasATranslationForEveryKey(string culture)
    {
        _englishTerms = await EnglishTermCheck.LoadAsync(_portal, culture);
        var findings = await CrawlAsync(culture);

        var missing = _portal.Services.GetRequiredService<MissingTranslations>().In(culture);
        Assert.True(missing.Count == 0, $"{missing.Count} keys have no {culture} translation:\n" + string.Join("\n", missing.Take(200)));
        Assert.Empty(_failures);

        // A term with a label in this language is never shown by its English name (the dashboard, the referral list
        // and six other pages printed the stored name; issue 14 item 2).
        var english = findings.Where(f => f.Text.StartsWith(EnglishTermCheck.Finding, StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(english.Count == 0, $"{english.Count} terms shown by their English name in {culture}:\n" + string.Join("\n", english.Take(100).Select(f => $"  {f.Text} on {f.Url}")));
    }

    /// <summary>The English-name check of the sv/da crawls (null in the pseudo crawl).</summary>
    private EnglishTermCheck? _englishTerms;

    private readonly List<string> _failures = [];

    private async Task<List<(string Text, string Url)>> CrawlAsync(string culture)
    {
        var findings = new List<(string Text, string Url)>();
        void Check(string url, IHtmlDocument page) => findings.AddRange(CheckPage(url, page, culture).Concat(_englishTerms?.On(page) ?? []).Select(text => (text, url)));

        var seeds = new[] { "/", "/Identity/Account/Login", "/Identity/Account/Register", "/Identity/Account/ForgotPassword", "/Identity/Account/ResendEmailConfirmation", "/Error?code=400", "/Error?code=403", "/Error?code=404", "/Error?code=409", "/Error?code=413", "/Error?code=429", "/Error?code=500", "/no-such-page", "/Identity/Account/AccessDenied", "/Identity/Account/Manage",
            // Deep in the administration (a term's edit page sits three links from the menu), past the per-role page budget.
            "/admin/taxonomies/markets" };
        string?[] accounts = [null, DemoAccounts.Founder, DemoAccounts.AdvisorSmile, DemoAccounts.PartnerInnovationSkane, DemoAccounts.PmSmile, DemoAccounts.Admin];
        foreach (var account in accounts)
        {
            var client = _portal.CreatePortalClient();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
            if (account is not null)
            {
                await client.SignInAsync(account, DemoAccounts.Password);
            }

            var crawler = new PortalCrawler(client, Check);
            await crawler.CrawlAsync(seeds);
            await crawler.SubmitFormsEmptiedAsync();
            _failures.AddRange(crawler.Failures.Select(f => $"{account ?? "anonymous"}: {f}"));
        }

        return findings;
    }

    private void AssertEveryPageReached()
    {
        var pages = _portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>())
            .OfType<PageActionDescriptor>()
            .Select(Name)
            .Distinct()
            .Where(name => !NotCrawled.ContainsKey(name))
            .Except(_visited.Names)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(pages.Count == 0, "No crawl reached these pages (link them, seed them here or name them in NotCrawled):\n" + string.Join("\n", pages));
    }

    private static string Name(PageActionDescriptor page) => (page.AreaName is null ? "" : "/" + page.AreaName) + page.ViewEnginePath;

    /// <summary>The texts of a page that were not transformed: the title, the text and the attributes people read or hear.</summary>
    private static IEnumerable<string> CheckPage(string url, IHtmlDocument page, string culture)
    {
        if (page.DocumentElement.GetAttribute("lang") is var lang && lang != culture)
        {
            yield return $"<html lang=\"{lang}\">";
        }

        // Issue 14 item 3: a visible language switch on every page.
        if (page.QuerySelector("form.language-switch button[name=culture]") is null)
        {
            yield return "(no language switch)";
        }

        // WCAG 2.4.2: the title names the page (or its record), not only the portal.
        if (page.Title is not { Length: > 0 } title || title.Trim() == "MediconGlobal")
        {
            yield return $"<title>{page.Title}</title>";
            title = "";
        }

        if (culture != PortalCultures.Pseudo || page.Body is null)
        {
            yield break;
        }

        foreach (var piece in Untransformed(title.Replace("MediconGlobal", "", StringComparison.Ordinal)))
        {
            yield return piece;
        }

        foreach (var text in page.Body.Descendants<IText>())
        {
            if (text.ParentElement is { } parent && Read(parent, culture))
            {
                foreach (var piece in Untransformed(text.Data))
                {
                    yield return piece;
                }
            }
        }

        foreach (var element in page.Body.QuerySelectorAll("[placeholder], [title], [aria-label], [aria-description], [alt], optgroup[label], input[type=submit][value], input[type=button][value]"))
        {
            if (!Read(element, culture))
            {
                continue;
            }

            foreach (var attribute in new[] { "placeholder", "title", "aria-label", "aria-description", "alt", "label", "value" })
            {
                if ((attribute != "value" || element is IHtmlInputElement { Type: "submit" or "button" }) && (attribute != "label" || element.LocalName == "optgroup")
                    && element.GetAttribute(attribute) is { } value)
                {
                    foreach (var piece in Untransformed(value))
                    {
                        yield return piece;
                    }
                }
            }
        }

        // The messages the browser shows when a field breaks a rule (data-val-required, data-val-length, …; not the
        // rules' parameters such as data-val-length-max).
        foreach (var element in page.Body.QuerySelectorAll("[data-val=true]"))
        {
            foreach (var attribute in element.Attributes.Where(a => ValidationMessage().IsMatch(a.Name)))
            {
                foreach (var piece in Untransformed(attribute.Value))
                {
                    yield return piece;
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^data-val-[a-z]+$")]
    private static partial System.Text.RegularExpressions.Regex ValidationMessage();

    /// <summary>Whether people read the element's text in the page's language (not a script, not marked as another language).</summary>
    private static bool Read(IElement element, string culture)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            // Code (column names, addresses) is the same in every language.
            if (e.LocalName is "script" or "style" or "template" or "code" or "kbd" or "samp" || e.GetAttribute("translate") == "no")
            {
                return false;
            }

            if (e.GetAttribute("lang") is { } lang)
            {
                return lang == culture;
            }
        }

        return true;
    }

    /// <summary>The parts of a text outside pseudo-localised ⟦…⟧ spans that contain letters.</summary>
    private static IEnumerable<string> Untransformed(string text)
    {
        var outside = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            if (c == PseudoText.Open || c == PseudoText.Close)
            {
                depth = Math.Max(0, depth + (c == PseudoText.Open ? 1 : -1));
                outside.Append('\n');
            }
            else if (depth == 0)
            {
                outside.Append(c);
            }
        }

        return Separators().Split(outside.ToString())
            .Select(p => p.Trim(' ', '.', '*', '+', '-', '\'', '#', '%', '&', '×', '→', '←', '↑', '↓', '✓', '◆', '…', '\u00a0', '\u202f', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'))
            .Where(p => p.Any(char.IsLetter) && !Code().IsMatch(p));
    }

    /// <summary>Every text the database holds (what people wrote, names, e-mail addresses), except the audit log.</summary>
    private async Task<HashSet<string>> DataTextsAsync() => await _portal.WithDbAsync(async db =>
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            var columns = entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetValueConverter() is null).Select(p => p.GetColumnName()).ToList();
            if (table is null or "AuditEntries" or "DataProtectionKeys" || columns.Count == 0)
            {
                continue;
            }

            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i))
                    {
                        texts.Add(reader.GetString(i));
                    }
                }
            }
        }

        return texts;
    });

    /// <summary>
    /// A code people copy rather than read (an authenticator key "w7hu 6uda …"), or a code or abbreviation that is
    /// the same in every language: currencies (SEK), countries (SE), file formats (CSV, XLSX), standards (HSDS).
    /// </summary>
    [GeneratedRegex("^([a-z0-9]{4}( [a-z0-9]{4})+|[A-Z]{2,5})$")]
    private static partial Regex Code();

    [GeneratedRegex(@"[\n\r\t·•|–—:;,()\[\]""“”«»!?/]+|\s{2,}")]
    private static partial Regex Separators();

    /// <summary>Notes which page answered each successful request.</summary>
    private sealed class RecordEndpoints(VisitedEndpoints visited) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                await nextMiddleware(context);
                if (context.Response.StatusCode < 400 && context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
                {
                    visited.Add(Name(page));
                }
            });
            next(app);
        };
    }
}
