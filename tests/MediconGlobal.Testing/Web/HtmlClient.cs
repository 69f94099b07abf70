using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MediconGlobal.Testing.Web;

/// <summary>Reads pages and submits their forms the way a browser would (antiforgery token included).</summary>
public static class HtmlClient
{
    private static readonly HtmlParser Parser = new();
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url} returned {(int)response.StatusCode}, expected {(int)expected}. {Excerpt(body)}");
        return await ParseAtAsync(body, url);
    }

    /// <summary>Parses HTML as if it was served at <paramref name="url"/>, so relative form actions resolve.</summary>
    public static async Task<IHtmlDocument> ParseAtAsync(string html, string url) =>
        (IHtmlDocument)await Context.OpenAsync(request => request.Content(html).Address(new Uri(new Uri("http://localhost"), url)));

    /// <summary>Submits the form matching <paramref name="selector"/> with its current values overridden by <paramref name="values"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string selector, IDictionary<string, string>? values = null, string? submitter = null)
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form matches '{selector}'.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is not ("submit" or "button" or "image"):
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                default:
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        // Resolve against the page: on Linux a bare "/path?query" parses as a file path and loses its query.
        var action = new Uri(new Uri(page.Url), form.GetAttribute("action") is { Length: > 0 } target ? target : page.Url);

        // Razor Pages reads the handler from the query string (a button's asp-page-handler becomes formaction="?handler=…").
        var url = submitter is null ? action.PathAndQuery : $"{action.AbsolutePath}?handler={Uri.EscapeDataString(submitter)}";
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/Identity/Account/Login");
        var response = await client.SubmitAsync(page, "form#account", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed with {(int)response.StatusCode}. {Excerpt(await response.Content.ReadAsStringAsync())}");
    }

    public static async Task<IHtmlDocument> ParseBodyAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The texts of the validation messages shown on a page.</summary>
    public static IReadOnlyList<string> ValidationMessages(this IHtmlDocument page) =>
        page.QuerySelectorAll(".field-validation-error, .validation-summary-errors li")
            .Select(e => e.TextContent.Trim())
            .Where(t => t.Length > 0)
            .ToList();

    private static string Excerpt(string body) => body.Length > 600 ? body[..600] : body;
}
