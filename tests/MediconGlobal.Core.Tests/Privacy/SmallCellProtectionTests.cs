using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing.Privacy;

namespace MediconGlobal.Core.Tests.Privacy;

public sealed class SmallCellProtectionTests
{
    private static readonly SmallCellProtection Protection = TestProtection.Instance;

    [Fact]
    public void CompanyKeys_AreFixedForASecret_AndUnrelatedUnderAnother()
    {
        var other = new SmallCellProtection(Enumerable.Repeat((byte)7, 32).ToArray());
        var ids = Enumerable.Range(1, 500).ToList();

        Assert.Equal(ids.Select(Protection.CompanyKey), ids.Select(new SmallCellProtection(Convert.FromBase64String(TestProtection.Secret)).CompanyKey));
        Assert.Equal(500, ids.Select(Protection.CompanyKey).Distinct().Count());
        Assert.True(ids.Count(id => Protection.CompanyKey(id) == other.CompanyKey(id)) < 2);
    }

    [Fact]
    public void AShortSecret_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new SmallCellProtection(new byte[31]));
        Assert.Null(new PrivacyOptions { CellKeySecret = Convert.ToBase64String(new byte[31]) }.SecretBytes());
        Assert.Null(new PrivacyOptions { CellKeySecret = "not base64!" }.SecretBytes());
        Assert.Null(new PrivacyOptions().SecretBytes());
        Assert.Equal(32, new PrivacyOptions { CellKeySecret = Convert.ToBase64String(new byte[32]) }.SecretBytes()!.Length);
    }

    [Fact]
    public void Group_GivenCompanyIds_CountsDistinctCompaniesAndEveryRecord_WithTheirKeys()
    {
        int[] records = [5, 5, 9, 12, 12, 12, 40];
        var companiesKey = CellKey.Of(new[] { 5, 9, 12, 40 }.Select(Protection.CompanyKey));
        var recordsKey = CellKey.Of(records.Select(Protection.CompanyKey));

        var group = Protection.Group(records);

        var expected = Protection.Group(4, companiesKey, 7, recordsKey);
        Assert.Equal((expected.Companies, expected.Records), (group.Companies, group.Records));
        Assert.Equal(SmallCellProtection.Publish(4, companiesKey), group.Companies);
    }

    [Fact]
    public void AGroupShownEmpty_ShowsEveryFigureAsZero()
    {
        var group = Protection.Group([5, 5, 5, 8]);

        Assert.Equal((0, 0), (group.Companies, group.Records));
        Assert.Equal(0, group.Part([1, 1]));
        Assert.Equal(0, group.Other(17));
    }

    [Fact]
    public void AGroupShown_HasAtLeastAsManyRecordsAsCompanies_AndNoPartLargerThanTheRecords()
    {
        foreach (var start in Enumerable.Range(0, 200).Select(i => i * 10))
        {
            var companies = Enumerable.Range(start, 4).ToList();
            var group = Protection.Group(companies);
            Assert.True(group.Companies >= 3);
            Assert.True(group.Records >= group.Companies);
            Assert.InRange(group.Part(companies.Concat(companies)), 0, group.Records);
            Assert.Equal(17, group.Other(17));
        }
    }

    [Theory]
    [InlineData(Roles.ProjectManager, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Advisor, true)]
    [InlineData(Roles.PartnerStaff, false)]
    [InlineData(Roles.Startup, false)]
    public void ExactFigures_GoToProjectManagersAdministratorsAndAdvisors(string role, bool exact) =>
        Assert.Equal(exact, SmallCellProtection.SeesExactFigures(new Viewer("u", new HashSet<string> { role }, 1, null)));
}
