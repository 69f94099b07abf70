using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// Visits the portal the way a person clicking every link would — as one signed-in client, in one language — and
/// then submits every data-entry form emptied, to see its error state. Each HTML page it gets is handed to a checker.
/// A link (or redirect) that leads to a 404 is a failure: links come from the routing system (issue 15 item 7), so
/// a renamed page or a wrong route value shows here rather than to a person.
/// </summary>
/// <remarks>
/// Pages of one route are visited a few times at most (an offer, another offer), so the crawl stays within seconds per role
/// while every page and its states are seen; downloads, the API and sign-out are not followed.
/// </remarks>
public sealed partial class PortalCrawler(HttpClient client, Action<string, IHtmlDocument> check)
{
    private const int MaxPages = 160;
    private const int VisitsPerRoute = 2;

    private static readonly string[] NotFollowed = ["/identity/account/logout", "/api/", "/health", "/dev/", "/lib/", "/css/", "/js/", "/language"];
    private static readonly string[] Downloads = [".csv", ".xlsx", ".zip", ".json", ".png", ".svg", ".ico"];

    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _routeVisits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Url, IHtmlDocument Page)> _forms = new(StringComparer.Ordinal);

    private int _submitted;

    public List<string> Failures { get; } = [];

    public async Task CrawlAsync(IEnumerable<string> seeds)
    {
        var queue = new Queue<string>(seeds);
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        while (queue.TryDequeue(out var url) && pages < MaxPages)
        {
            if (!_visited.Add(url) || !TakeVisit(url))
            {
                continue;
            }

            pages++;
            var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
                && response.Headers.Location is { } location && Local(location.OriginalString) is { } next)
            {
                queue.Enqueue(next);
                linked.Add(next);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.NotFound && linked.Contains(url))
            {
                Failures.Add($"GET {url}, linked from a page, answered 404");
                continue;
            }

            if ((int)response.StatusCode >= 500)
            {
                Failures.Add($"GET {url} answered {(int)response.StatusCode}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await HtmlClient.ParseAtAsync(await response.Content.ReadAsStringAsync(), url);
            check(url, page);
            foreach (var link in page.QuerySelectorAll("a[href]"))
            {
                if (Local(link.GetAttribute("href")!) is { } target)
                {
                    queue.Enqueue(target);
                    linked.Add(target);
                }
            }

            foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                if (string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase) && IsDataEntry(form)
                    && Local(form.GetAttribute("action") is { Length: > 0 } action ? action : url) is { } target)
                {
                    _forms.TryAdd(Route(target) + "#" + FormKey(form), (url, page));
                }
            }
        }
    }

    /// <summary>Submits each data-entry form seen, with its fields emptied, and checks the page that comes back.</summary>
    public async Task SubmitFormsEmptiedAsync()
    {
        foreach (var (key, (url, page)) in _forms)
        {
            var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => key.EndsWith("#" + FormKey(f), StringComparison.Ordinal));
            form.Id = $"crawler-form-{++_submitted}";
            var emptied = form.Elements
                .Where(e => e is IHtmlTextAreaElement || e is IHtmlSelectElement || (e is IHtmlInputElement input && IsTyped(input)))
                .Select(e => e.GetAttribute("name"))
                .OfType<string>()
                .Distinct()
                .ToDictionary(name => name, _ => "");
            var response = await client.SubmitAsync(page, "#" + form.Id, emptied);
            if ((int)response.StatusCode >= 500)
            {
                Failures.Add($"POST of the emptied form {key} (from {url}) answered {(int)response.StatusCode}");
            }
            else if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                check($"{url} (form {key} emptied)", await HtmlClient.ParseAtAsync(await response.Content.ReadAsStringAsync(), url));
            }
        }
    }

    /// <summary>The route of a URL: its path with numbers as <c>{n}</c>, lower case, without the query.</summary>
    public static string Route(string url) => Number().Replace(url.Split('?', '#')[0].ToLowerInvariant(), "{n}");

    private static bool IsDataEntry(IHtmlFormElement form) =>
        form.Elements.Any(e => e is IHtmlTextAreaElement || (e is IHtmlInputElement input && IsTyped(input) && input.Type != "hidden"))
        && !(form.GetAttribute("action") ?? "").Contains("/language", StringComparison.OrdinalIgnoreCase);

    private static bool IsTyped(IHtmlInputElement input) =>
        input.Type is "text" or "email" or "password" or "number" or "date" or "url" or "search" or "tel" or "textarea" or "month" or "time" or "datetime-local";

    private static string FormKey(IHtmlFormElement form) =>
        string.Join(",", form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().Where(n => !n.StartsWith("__", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal));

    private bool TakeVisit(string url)
    {
        var route = Route(url);
        var visits = _routeVisits.GetValueOrDefault(route);
        _routeVisits[route] = visits + 1;
        return visits < VisitsPerRoute;
    }

    private static string? Local(string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var url = href.Split('#')[0];
        var path = url.Split('?')[0].ToLowerInvariant();
        return url.Length == 0 || NotFollowed.Any(path.StartsWith) || Downloads.Any(path.EndsWith) || (path.Contains("/export", StringComparison.Ordinal) && path.Contains('.'))
            ? null
            : WebUtility.HtmlDecode(url);
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}

/// <summary>Records which page (endpoint) answered each request, so a crawl can tell which pages it never reached.</summary>
public sealed class VisitedEndpoints
{
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => [.. _names.Keys];

    public void Add(string name) => _names.TryAdd(name, 0);
}
