using System.IO.Pipelines;
using System.Net;
using System.Text;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MediconGlobal.Web.Tests.Security;

/// <summary>
/// Issue 10, item 11: requests the server cannot read (a NUL byte in form encoding, a field over the length limit,
/// too many fields, a broken multipart body, a body over Kestrel's limit) get 400/413 with the friendly page and
/// are logged as the client's fault — never 500, never an Error-level log line.
/// </summary>
public sealed class UnreadableRequestTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public static TheoryData<string> UnreadableForms => ["nul-in-value", "nul-in-name", "value-over-limit", "too-many-fields", "broken-multipart", "multipart-without-boundary"];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task AnonymousForm_Unreadable_Gets400AndTheFriendlyPage_WithoutAnErrorLog(string kind)
    {
        var client = _portal.CreatePortalClient();
        var token = await TokenAsync(client, "/Identity/Account/Login");

        var response = await client.PostAsync("/Identity/Account/Login", Unreadable(kind, token));

        await AssertRefusedAsync(response);
    }

    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task SignedInForm_Unreadable_Gets400AndChangesNothing(string kind)
    {
        var advisor = await _portal.SignedInClientAsync($"advisor-{kind}@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var token = await TokenAsync(advisor, "/clients/new");

        var response = await advisor.PostAsync("/clients/new", Unreadable(kind, token));

        await AssertRefusedAsync(response);
        Assert.Equal(0, await _portal.WithDbAsync(db => Task.FromResult(db.Companies.Count())));
    }

    [Fact]
    public async Task BodyOverKestrelsLimit_Gets400Or413_WithoutAnErrorLog()
    {
        await using var portal = new PortalFactory(settings: new Dictionary<string, string?> { ["Kestrel:Limits:MaxRequestBodySize"] = "20000" });
        using var client = new HttpClient { BaseAddress = portal.StartKestrel() };

        var response = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent([new("Input.Email", new string('a', 50_000))]));

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
        Assert.DoesNotContain("[ERR]", await RequestLoggedAsync(portal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientFaults_AreTheFrameworksReadingFailures_NotTheServersBugs()
    {
        var formReaderFailure = await Assert.ThrowsAsync<InvalidDataException>(async () =>
            await new FormPipeReader(PipeReader.Create(new MemoryStream("a=%00"u8.ToArray()))).ReadFormAsync());
        Action bugOfOurs = () => throw new InvalidDataException("a bug of ours");
        var ownFailure = Assert.Throws<InvalidDataException>(bugOfOurs);

        Assert.Equal(StatusCodes.Status400BadRequest, ClientFaults.StatusCodeFor(formReaderFailure));
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, ClientFaults.StatusCodeFor(new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge)));
        Assert.Equal(StatusCodes.Status400BadRequest, ClientFaults.StatusCodeFor(new AntiforgeryValidationException("no token")));
        Assert.Null(ClientFaults.StatusCodeFor(ownFailure));
        Assert.Null(ClientFaults.StatusCodeFor(new InvalidOperationException("a bug of ours")));
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}.");
        Assert.Contains("Something is wrong with the request", body, StringComparison.Ordinal);
        var log = await RequestLoggedAsync(_portal);
        Assert.DoesNotContain("[ERR]", log, StringComparison.Ordinal);
    }

    /// <summary>The log once the request's own line is in it (it is written after the response is sent).</summary>
    private static async Task<string> RequestLoggedAsync(PortalFactory portal)
    {
        for (var attempt = 0; ; attempt++)
        {
            var log = portal.ReadLog();
            if (log.Contains("POST /Identity/Account/Login responded 4", StringComparison.Ordinal) || log.Contains("POST /clients/new responded 4", StringComparison.Ordinal) || attempt == 50)
            {
                return log;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static HttpContent Unreadable(string kind, string token) => kind switch
    {
        "nul-in-value" => Form(token, ("Input.Email", "a\0b@example.test"), ("Input.Name", "x\0y")),
        "nul-in-name" => Form(token, ("Input.Em\0ail", "a@example.test")),
        "value-over-limit" => Form(token, ("Input.Email", new string('a', 4_200_000))),
        "too-many-fields" => Form(token, Enumerable.Range(0, 1100).Select(i => ($"Field{i}", "x")).ToArray()),
        "broken-multipart" => Multipart("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", "multipart/form-data; boundary=b"),
        _ => Multipart("a=b", "multipart/form-data"),
    };

    private static StringContent Multipart(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Prepend(new("__RequestVerificationToken", token)));
}
