using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Import;

public sealed class ImportPageTests : IAsyncLifetime
{
    private const string Malformed = "name,type,country\nGood Row AB,incubator,SE\nBad Row AB,spaceport,SE\n";
    private const string Valid = "name,type,country,region\nNorth Sea Incubator,incubator,NO,no-agder\nRegion Skåne,hospital or healthcare region,SE,\n";

    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Get_OffersTheUploadFormAndATemplatePerKind()
    {
        var client = await AdminAsync();

        var page = await client.GetPageAsync("/admin/import");

        Assert.NotNull(page.QuerySelector("form#upload-form input[type=file][name=Upload]"));
        var template = await client.GetAsync(page.QuerySelector("#template-offers")!.GetAttribute("href"));
        Assert.Equal("text/csv", template.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("name,provider,category,format", (await template.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_MalformedRow_SaysWhichRowAndWhy_OffersNoImport_AndWritesNothing()
    {
        var client = await AdminAsync();
        var before = await CountAsync();

        var page = await UploadAsync(client, "Organisations", Malformed);

        Assert.Contains("Row 3 (Bad Row AB): type \"spaceport\" is not an organisation type", page.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#import-form"));
        var outcomes = page.QuerySelectorAll("#preview-rows tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()).ToList();
        Assert.Equal(["New", "Invalid"], outcomes);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Preview_InSwedish_SaysWhatIsWrongWithEachRowInSwedish_AndImportSaysSoInSwedish()
    {
        var client = await AdminAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
        const string bad = "name,type,country,website,sectors\n"
            + "Bad Row AB,spaceport,SWE,ftp://example.org,medtech;astrology\n"
            + ",incubator,SE,,\n";

        var page = await UploadAsync(client, "Organisations", bad);

        var problems = page.QuerySelectorAll("#problems li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Rad 2 (Bad Row AB): type ”spaceport” är inte en organisationstyp (använd något av: ", problems[0], StringComparison.Ordinal);
        Assert.Contains("Rad 2 (Bad Row AB): country är längre än 2 tecken.", problems);
        Assert.Contains("Rad 2 (Bad Row AB): website ”ftp://example.org” är inte en webbadress som börjar med http:// eller https://.", problems);
        Assert.Contains("Rad 2 (Bad Row AB): sectors: ”astrology” är inte en känd sektor.", problems);
        Assert.Contains("Rad 3: name är obligatorisk.", problems);
        Assert.Equal(["Ogiltig", "Ogiltig"], page.QuerySelectorAll("#preview-rows tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()));
        Assert.DoesNotContain(problems, p => p.Contains(" is ", StringComparison.Ordinal) || p.StartsWith("Row", StringComparison.Ordinal));

        var unknownColumn = await UploadAsync(client, "Organisations", "name,type,country,kind\nX,incubator,SE,y\n");
        Assert.StartsWith("Okänd kolumn ”kind”. Kolumnerna är: name, type,", unknownColumn.QuerySelector("#problems li")!.TextContent.Trim(), StringComparison.Ordinal);

        var valid = await UploadAsync(client, "Organisations", Valid);
        Assert.Contains("Alla rader är giltiga: 1 nya, 1 ändrade, 0 oförändrade.", valid.QuerySelector("#preview")!.TextContent, StringComparison.Ordinal);
        var response = await client.SubmitAsync(valid, "#import-form");
        var after = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Importerade organisationer: 1 nya, 1 ändrade, 0 oförändrade.", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_InDanish_NamesTheCalendarRangeAndTheFundingRuleOfAProgrammeRowInDanish()
    {
        var client = await AdminAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da");
        const string bad = "name,lead_organisation,start_date,funding_amount,currency\n"
            + "Old Programme,Region Skåne,1850-01-01,1000,\n";

        var page = await UploadAsync(client, "Programmes", bad);

        var problems = page.QuerySelectorAll("#problems li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Række 2 (Old Programme): start_date “1850-01-01” er ikke mellem 1900-01-01 og 2100-12-31.", problems);
        Assert.Contains("Række 2 (Old Programme): currency skal angives sammen med et finansieringsbeløb.", problems);
    }

    [Fact]
    public async Task Preview_HsdsServicesFile_SaysWhichColumnsAreSkipped_AndOffersTheImport()
    {
        var client = await AdminAsync();
        const string services = "id,organization_id,name,url,status,provider,category,format\ns-1,o-1,HSDS Pilot Offer,https://example.org,active,Innovation Skåne,partnering,workshop\n";

        var page = await UploadAsync(client, "Offers", services);

        Assert.Equal("Columns the portal does not keep were skipped: id, organization_id.", page.QuerySelector("#import-note")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#import-form"));
    }

    [Fact]
    public async Task ImportPost_WithAMalformedFileSmuggledIn_WritesNothing()
    {
        var client = await AdminAsync();
        var page = await UploadAsync(client, "Organisations", Valid);
        var before = await CountAsync();

        var response = await client.SubmitAsync(page, "#import-form", new Dictionary<string, string> { ["Checked"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(Malformed)) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ParseBodyAsync();
        Assert.Contains("Nothing was written", body.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Row 3 (Bad Row AB)", body.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task PreviewThenImport_ValidFile_WritesEveryRowAndRedirects()
    {
        var client = await AdminAsync();
        var page = await UploadAsync(client, "Organisations", Valid);
        Assert.Contains("Every row is valid: 1 new, 1 changed, 0 unchanged.", page.QuerySelector("#preview")!.TextContent, StringComparison.Ordinal);

        var response = await client.SubmitAsync(page, "#import-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "North Sea Incubator").Select(o => new { o.CountryCode, Region = o.Region!.Code }).SingleAsync());
        Assert.Equal(("NO", "no-agder"), (created.CountryCode, created.Region));
        Assert.Null(await _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.RegionSkane).Select(o => o.RegionId).SingleAsync()));
        var after = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Imported organisations: 1 new, 1 changed, 0 unchanged.", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_NoFileOrKind_ShowsErrors()
    {
        var client = await AdminAsync();

        var page = await UploadAsync(client, "", null);

        var messages = page.ValidationMessages();
        Assert.Contains("Choose what the file contains.", messages);
        Assert.Contains("Choose a CSV file to check.", messages);
    }

    [Fact]
    public async Task PreviewThenImport_ExcelWindows1252File_SaysSo_AndStoresTheDashAndEuroNotControlCharacters()
    {
        var client = await AdminAsync();
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

        var page = await UploadAsync(client, "Organisations", "name,type,country,description\nMalmö Demo Hub – Syd,incubator,SE,Membership from 100 € a year\n", windows1252);

        Assert.StartsWith("The file was read as Windows-1252", page.QuerySelector("#read-as")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Malmö Demo Hub – Syd", page.QuerySelector("#preview-rows tbody td:nth-child(2)")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, "#import-form")).StatusCode);
        var stored = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Malmö Demo Hub – Syd").Select(o => o.Description).SingleAsync());
        Assert.Equal("Membership from 100 € a year", stored);
    }

    [Theory]
    [InlineData("utf-8 with BOM", "UTF-8")]
    [InlineData("utf-8", "UTF-8")]
    [InlineData("utf-16", "UTF-16")]
    public async Task Preview_UnicodeFile_SaysWhichEncodingWasRead(string encoding, string shown)
    {
        var client = await AdminAsync();
        var bytes = encoding switch
        {
            "utf-8 with BOM" => new UTF8Encoding(true),
            "utf-8" => new UTF8Encoding(false),
            _ => (Encoding)new UnicodeEncoding(false, true),
        };

        var page = await UploadAsync(client, "Organisations", "name,type,country\nMalmö Bio Hub – Syd,incubator,SE\n", bytes);

        Assert.Equal($"The file was read as {shown}.", page.QuerySelector("#read-as")!.TextContent.Trim());
        Assert.Equal("Malmö Bio Hub – Syd", page.QuerySelector("#preview-rows tbody td:nth-child(2)")!.TextContent);
    }

    [Fact]
    public async Task Preview_FileInNeitherEncoding_IsRefusedWithAMessage()
    {
        var client = await AdminAsync();

        var bytes = "name,type,country\nBad Byte,incubator,SE\n"u8.ToArray();
        bytes[22] = 0x81;

        var page = await UploadRawAsync(client, "Organisations", bytes);

        Assert.Contains("The file is neither UTF-8 nor Windows-1252 text (byte 0x81 at position 23). Save it from your spreadsheet program as “CSV UTF-8” and check it again.", page.ValidationMessages());
        Assert.Null(page.QuerySelector("#preview"));
    }

    [Fact]
    public async Task Preview_RowWithMoreCellsThanTheHeader_IsInvalidWithItsRowNumber_AndNothingIsWritten()
    {
        var client = await AdminAsync();
        var before = await CountAsync();

        var page = await UploadAsync(client, "Organisations", "name,type,country,description\nExtra Field Demo Org,incubator,SE,Helps founders in Lund, Malmö and Helsingborg\n");

        Assert.Contains("Row 2 has 5 cells but the header has 4: check the quotes", page.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#import-form"));
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData(Roles.ProjectManager)]
    [InlineData(Roles.PartnerStaff)]
    public async Task ImportPage_IsForAdministratorsOnly(string role)
    {
        var client = await _portal.SignedInClientAsync("someone@example.test", role, OrganisationSeed.SmiLe);

        var response = await client.GetAsync("/admin/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private Task<int> CountAsync() => _portal.WithDbAsync(db => db.Organisations.CountAsync());

    private Task<HttpClient> AdminAsync() => _portal.SignedInClientAsync("admin@example.test", Roles.Administrator, OrganisationSeed.SmiLe);

    /// <summary>Posts the upload form as multipart, the way a browser sends a chosen file.</summary>
    private static Task<IHtmlDocument> UploadAsync(HttpClient client, string kind, string? csv, Encoding? encoding = null) =>
        UploadRawAsync(client, kind, csv is null ? null : [.. (encoding ?? new UTF8Encoding(false)).GetPreamble(), .. (encoding ?? Encoding.UTF8).GetBytes(csv)]);

    private static async Task<IHtmlDocument> UploadRawAsync(HttpClient client, string kind, byte[]? bytes)
    {
        var form = await client.GetPageAsync("/admin/import");
        var token = form.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
        };
        if (bytes is not null)
        {
            content.Add(new ByteArrayContent(bytes), "Upload", "file.csv");
        }

        var response = await client.PostAsync("/admin/import?handler=Preview", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlClient.ParseAtAsync(await response.Content.ReadAsStringAsync(), "/admin/import?handler=Preview");
    }
}
