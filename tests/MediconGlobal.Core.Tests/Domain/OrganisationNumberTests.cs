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

    /// <summary>Issue 13 item 6: numbers that pass a check digit but that the register never issues to a legal entity.</summary>
    [Theory]
    [InlineData("SE", "0000000000", OrganisationNumber.Messages.SwedishFirstDigit)] // the issue's example: Luhn-valid
    [InlineData("SE", "000000-0000", OrganisationNumber.Messages.SwedishFirstDigit)]
    [InlineData("SE", "811218-9876", OrganisationNumber.Messages.SwedishPersonalNumber)] // a sole trader's personnummer, Luhn-valid
    [InlineData("SE", "5512121236", OrganisationNumber.Messages.SwedishPersonalNumber)] // third digit 1: a month, not a legal entity
    [InlineData("DK", "00000000", OrganisationNumber.Messages.DanishFirstDigit)] // modulus-11-valid
    [InlineData("DK", "0 1 2 3 4 5 6 7", OrganisationNumber.Messages.DanishFirstDigit)]
    [InlineData("NO", "000000000", OrganisationNumber.Messages.NorwegianFirstDigit)] // modulus-11-valid
    [InlineData("NO", "123456785", OrganisationNumber.Messages.NorwegianFirstDigit)] // modulus-11-valid
    public void Validate_NumbersNoRegisterIssuesToALegalEntity_AreRefusedSayingWhy(string country, string number, string expected) =>
        Assert.Equal(expected, OrganisationNumber.Validate(country, number));

    [Theory]
    [InlineData("SE", "212000-0142")] // a municipality (group 2)
    [InlineData("SE", "802000-0000")] // a non-profit association (group 8); Luhn completes below
    [InlineData("DK", "24256790")]
    [InlineData("NO", "974 760 673")] // Brønnøysundregistrene itself
    public void Validate_RealNumbersOfEachGroup_Pass(string country, string number)
    {
        var digits = OrganisationNumber.Normalize(number);
        var complete = country == "SE" ? OrganisationNumber.Complete("SE", digits[..9])! : digits;

        Assert.Null(OrganisationNumber.Validate(country, complete));
    }

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
