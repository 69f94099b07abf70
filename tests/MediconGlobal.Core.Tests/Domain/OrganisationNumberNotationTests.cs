using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Tests.Domain;

/// <summary>Organisation numbers as people type and read them (the check-digit rules are in <see cref="OrganisationNumberTests"/>).</summary>
public sealed class OrganisationNumberNotationTests
{
    [Theory]
    [InlineData("SE", "556012-5790")] // Volvo
    [InlineData("DK", "DK 2425 6790")] // Novo Nordisk, with prefix and spaces
    [InlineData("NO", "923609016")] // Equinor
    public void Validate_RealNumbersInEverydayNotation_AreValid(string country, string number) =>
        Assert.Null(OrganisationNumber.Validate(country, number));

    [Fact]
    public void Validate_OtherCountries_AreNotChecked() => Assert.Null(OrganisationNumber.Validate("DE", "HRB 12345"));

    [Theory]
    [InlineData("SE", "5560125790", "556012-5790")]
    [InlineData("NO", "923609016", "923 609 016")]
    [InlineData("DK", "24256790", "24256790")]
    public void Format_ShowsTheNationalNotation(string country, string digits, string expected) =>
        Assert.Equal(expected, OrganisationNumber.Format(country, digits));
}
