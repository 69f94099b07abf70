using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.Pages;

/// <summary>
/// The forms whose validators a page builds with its own data carry their simple rules to the browser too
/// (issue 16 item 3, ADR 1652): each field's <c>data-val-*</c> attributes hold the validator's message, through
/// the localiser, while the rules that need the page's data stay on the server.
/// </summary>
public sealed class ClientRulesTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public static TheoryData<string, string, string, string, string> Fields => new()
    {
        { Roles.PartnerStaff, "/partner/offers/new", "Input_Name", "data-val-required", "Give the offer a name." },
        { Roles.PartnerStaff, "/partner/offers/new", "Input_ContactEmail", "data-val-email", "Enter an email address like name@example.com." },
        { Roles.PartnerStaff, "/partner/profile", "Input_Name", "data-val-required", "Give the organisation's name." },
        { Roles.PartnerStaff, "/partner/profile", "Input_CountryCode", "data-val-regex", "Give the country as a two-letter code, for example SE." },
        { Roles.ProjectManager, "/programmes/new", "Input_Name", "data-val-required", "Give the programme a name." },
        { Roles.Advisor, "/clients/new", "Input_Name", "data-val-required", "Enter the company's name." },
        { Roles.Administrator, "/admin/taxonomies/markets", "Input_Code", "data-val-regex", "Write the code in lower-case letters and digits joined by hyphens, for example north-america." },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task FormBuiltWithPageData_CarriesItsInputOnlyRulesToTheBrowser(string role, string path, string field, string rule, string message)
    {
        var client = await _portal.SignedInClientAsync($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example", role, role == Roles.PartnerStaff ? OrganisationSeed.InnovationSkane : OrganisationSeed.SmiLe);

        var page = await client.GetPageAsync(path);

        var input = page.GetElementById(field);
        Assert.NotNull(input);
        Assert.Equal("true", input.GetAttribute("data-val"));
        Assert.Equal(message, input.GetAttribute(rule));
    }
}
