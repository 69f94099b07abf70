using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Testing;

namespace MediconGlobal.Core.Tests.Clients;

public sealed class CompanyDuplicatesTests
{
    [Theory]
    [InlineData("Aurora Biologics", "aurora biologics")]
    [InlineData("Aurora Biologics AB", "Aurora Biologics")]
    [InlineData("Aurora Biologic", "Aurora Biologics AB")]
    [InlineData("Øresund Imaging ApS", "Oresund Imaging")]
    [InlineData("Kattegat Diagnostics A/S", "Kategat Diagnostics")]
    public void AreSimilar_SameNameGiveOrTakeFormAndTypos_IsTrue(string first, string second) =>
        Assert.True(CompanyDuplicates.AreSimilar(first, second));

    [Theory]
    [InlineData("Aurora Biologics", "Aurora Diagnostics")]
    [InlineData("Nova AB", "Novo AB")]
    [InlineData("Malmö Sensorics", "Lund Sensorics")]
    public void AreSimilar_DifferentCompanies_IsFalse(string first, string second) =>
        Assert.False(CompanyDuplicates.AreSimilar(first, second));

    [Fact]
    public async Task Find_SameNumberOrSimilarName_WithinTheViewersClientsOnly()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        var byNumber = await CaseBuilder.CompanyAsync(db, "Volvo Life Science", OrganisationSeed.SmiLe, organisationNumber: "5560125790");
        var byName = await CaseBuilder.CompanyAsync(db, "Aurora Biologics AB", OrganisationSeed.SmiLe);
        await CaseBuilder.CompanyAsync(db, "Aurora Biologics", OrganisationSeed.InnovationSkane);

        var found = await CompanyDuplicates.FindAsync(db, Viewers.Advisor(smile), "Aurora Biologic", "SE", "556012-5790");

        Assert.Collection(
            found,
            d => Assert.Equal((byNumber.Id, true), (d.Id, d.SameOrganisationNumber)),
            d => Assert.Equal((byName.Id, false), (d.Id, d.SameOrganisationNumber)));
    }

    [Fact]
    public async Task Find_SameNumberInAnotherCountry_IsNoDuplicate()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        await CaseBuilder.CompanyAsync(db, "Danish Twin", OrganisationSeed.SmiLe, country: "DK", region: null, organisationNumber: "24256790");

        Assert.Empty(await CompanyDuplicates.FindAsync(db, Viewers.Advisor(smile), "Something Else", "SE", "24256790"));
    }
}
