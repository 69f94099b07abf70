using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Tests.Domain;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("SE", "556036-0793")] // Luhn-valid Swedish organisationsnummer
    [InlineData("SE", "5560360793")]
    [InlineData("DK", "10150817")] // modulus-11-valid CVR
    [InlineData("NO", "923 609 016")] // modulus-11-valid organisasjonsnummer
    public void Validate_ValidNumbers_Pass(string country, string number) => Assert.Null(OrganisationNumber.Validate(country, number));

    [Theory]
    [InlineData("SE", "556036-0794", "check digit")]
    [InlineData("SE", "55603607", "10 digits")]
    [InlineData("DK", "10150818", "modulus-11")]
    [InlineData("DK", "1015081", "8 digits")]
    [InlineData("NO", "923609017", "modulus-11")]
    [InlineData("NO", "92360901", "9 digits")]
    public void Validate_InvalidNumbers_SayWhatIsWrong(string country, string number, string expected) =>
        Assert.Contains(expected, OrganisationNumber.Validate(country, number), StringComparison.Ordinal);

    [Fact]
    public void Complete_AppendsAValidCheckDigit()
    {
        Assert.Null(OrganisationNumber.Validate("SE", OrganisationNumber.Complete("SE", "559000001")));
        Assert.Null(OrganisationNumber.Validate("NO", OrganisationNumber.Complete("NO", "92360901")));
    }

    [Fact]
    public void Normalize_KeepsDigitsOnly() => Assert.Equal("5560360793", OrganisationNumber.Normalize(" 556036-0793 "));
}
