using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Import;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Import;

public sealed class CsvImporterTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Organisations_NewChangedAndUnchangedRows_AreShownThenWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        const string csv = """
            name,type,country,region,website,expertise,sectors
            Lund University Innovation,university or research institute,SE,se-skane,https://www.example.org,ip-patents; Funding and investors,medtech
            Innovation Skåne,Regional innovation agency,se,Skåne,https://www.innovationskane.com,legal; financial; marketing-sales; ip-patents; deep-tech; test-beds; partnering; funding,medtech; digital-health; biotech-pharma; welfare-tech
            Vinnova,national agency,SE,,https://www.vinnova.se,funding,
            """;

        await using (var db = database.CreateContext())
        {
            var preview = await new CsvImporter(db, database.Clock).PreviewAsync(ImportKind.Organisations, csv);

            Assert.True(preview.IsAcceptable, string.Join("\n", preview.Problems));
            Assert.Equal([(2, RowOutcome.New), (3, RowOutcome.Changed), (4, RowOutcome.Unchanged)], preview.Rows.Select(r => (r.Row, r.Outcome)));
            Assert.Equal(["expertise"], preview.Rows[1].Changes);
            Assert.False(await db.Organisations.AnyAsync(o => o.Name == "Lund University Innovation"));
        }

        await using (var db = database.CreateContext())
        {
            var result = await new CsvImporter(db, database.Clock).ImportAsync(ImportKind.Organisations, csv);
            Assert.True(result.Written);
        }

        await using (var check = database.CreateContext())
        {
            var lund = await check.Organisations.Include(o => o.Terms).ThenInclude(t => t.Term).Include(o => o.Region).SingleAsync(o => o.Name == "Lund University Innovation");
            Assert.Equal((OrganisationType.UniversityOrResearchInstitute, "SE", "se-skane", PartnershipStatus.Mapped), (lund.Type, lund.CountryCode, lund.Region!.Code, lund.PartnershipStatus));
            Assert.Equal(["funding", "ip-patents", "medtech"], lund.Terms.Select(t => t.Term!.Code).Order());
            var skane = await check.Organisations.Include(o => o.Terms).ThenInclude(t => t.Term).SingleAsync(o => o.SeedKey == "innovation-skane");
            Assert.Contains(skane.Terms, t => t.Term!.Code == "funding");
            Assert.Contains(skane.Terms, t => t.Term!.Code == "legal");
            Assert.Equal(PartnershipStatus.Contacted, skane.PartnershipStatus);
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Organisations_OneMalformedRow_WritesNothingAndNamesTheRowAndReason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        const string csv = """
            name,type,country,website
            Good Row AB,incubator,SE,https://good.example.org
            Bad Row AB,spaceport,SE,not a web address
            Vinnova,national agency,SE,https://changed.example.org
            """;
        await using var db = database.CreateContext();
        var before = await db.Organisations.CountAsync();

        var result = await new CsvImporter(db, database.Clock).ImportAsync(ImportKind.Organisations, csv);

        Assert.False(result.Written);
        Assert.Equal(
            [
                "Row 3 (Bad Row AB): type \"spaceport\" is not an organisation type (use one of: incubator, cluster organisation, regional innovation agency, national agency, eu network, university or research institute, hospital or healthcare region, municipality, investor, company, foreign partner).",
                "Row 3 (Bad Row AB): website \"not a web address\" is not a web address starting with http:// or https://.",
            ],
            result.Preview.Problems);
        await using var check = database.CreateContext();
        Assert.Equal(before, await check.Organisations.CountAsync());
        Assert.Equal("https://www.vinnova.se", await check.Organisations.Where(o => o.SeedKey == "vinnova").Select(o => o.Website).SingleAsync());
    }

    [Fact]
    public async Task FileProblems_MissingAndUnknownColumns_AreReportedBeforeAnyRow()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        var preview = await new CsvImporter(db, database.Clock).PreviewAsync(ImportKind.Organisations, "name;kind\nAcme;incubator\n");

        Assert.False(preview.IsAcceptable);
        Assert.Empty(preview.Rows);
        Assert.Contains(preview.Problems, p => p.StartsWith("Unknown column \"kind\"", StringComparison.Ordinal));
        Assert.Contains("The required column \"type\" is missing.", preview.Problems);
        Assert.Contains("The file is empty: the first row must name the columns.", (await new CsvImporter(db, database.Clock).PreviewAsync(ImportKind.Offers, "")).Problems);
    }

    [Fact]
    public async Task Organisations_DuplicateNameInTheFile_IsInvalid()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        var preview = await new CsvImporter(db, database.Clock).PreviewAsync(ImportKind.Organisations, "name,type,country\nAcme,incubator,SE\nACME ,incubator,DK\n");

        Assert.Equal("Row 3 (ACME): the same organisation is already in row 2.", Assert.Single(preview.Problems));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Programmes_PartnersAndIndicators_AreWrittenAndKeepFunnelsOnUpdate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        const string created = """
            name,lead_organisation,status,funding_amount,currency,start_date,end_date,partners,indicators
            Nordic Pilot,SmiLe Incubator,completed,"1 250 000.50",SEK,2024-01-01,2024-12-31,Business Sweden (Partner); Vinnova (Funder),Companies reached = 40 / 50; Companies continuing = 8
            """;
        await using (var db = database.CreateContext())
        {
            Assert.True((await new CsvImporter(db, database.Clock).ImportAsync(ImportKind.Programmes, created)).Written);
        }

        await using (var db = database.CreateContext())
        {
            var programme = await db.Programmes.Include(p => p.Indicators).SingleAsync(p => p.Name == "Nordic Pilot");
            programme.Indicators.Single(i => i.Metric == "Companies reached").Funnel = "Pilot";
            await db.SaveChangesAsync();
        }

        const string updated = """
            name,lead_organisation,partners,indicators
            Nordic Pilot,SmiLe Incubator,Business Sweden (Lead partner); Vinnova (Funder),Companies reached = 45 / 50; Companies continuing = 8
            """;
        await using (var db = database.CreateContext())
        {
            var result = await new CsvImporter(db, database.Clock).ImportAsync(ImportKind.Programmes, updated);
            Assert.Equal(["partners", "indicators"], Assert.Single(result.Preview.Rows).Changes);
            Assert.True(result.Written);
        }

        await using var check = database.CreateContext();
        var saved = await check.Programmes.Include(p => p.Partners).ThenInclude(p => p.Organisation).Include(p => p.Indicators).SingleAsync(p => p.Name == "Nordic Pilot");
        Assert.Equal((125_000_050L, Currency.SEK, ProgrammeStatus.Completed), (saved.FundingAmountMinor!.Value, saved.FundingCurrency!.Value, saved.Status));
        Assert.Equal(["Business Sweden:Lead partner", "Vinnova:Funder"], saved.Partners.Select(p => $"{p.Organisation!.Name}:{p.Role}").Order());
        var reached = saved.Indicators.Single(i => i.Metric == "Companies reached");
        Assert.Equal((45, 50, "Pilot"), (reached.Actual!.Value, reached.Target!.Value, reached.Funnel));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Programmes_NumbersAsNordicFormattingWritesThem_AreRead_AndControlCharactersAndAmbiguousNumbersAreRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var csv = "name,lead_organisation,funding_amount,currency,description,indicators\n"
            + "Nordic Amounts,SmiLe Incubator,2\u00A0138\u00A0347,SEK,Ska\u030Ane pilot,Companies reached = 2\u00A0000 / 3 000\n"
            + "Danish Amounts,SmiLe Incubator,\"2.138.347,50\",DKK,Plain,\n"
            + "Ambiguous Amount,SmiLe Incubator,\"1,234\",SEK,Plain,\n"
            + "Control Character,SmiLe Incubator,100,SEK,Malm\u00F6 Demo Hub \u0096 Syd,\n";

        await using (var db = database.CreateContext())
        {
            var problems = (await new CsvImporter(db, database.Clock).PreviewAsync(ImportKind.Programmes, csv)).Problems.ToList();

            Assert.Equal(2, problems.Count);
            Assert.Contains(problems, p => p.StartsWith("Row 4 (Ambiguous Amount): funding_amount: “1,234” could be read two ways — “,” may separate thousands or decimals.", StringComparison.Ordinal));
            Assert.Contains("Row 5 (Control Character): description contains a character that cannot be saved: U+0096 (control character).", problems);
        }

        var accepted = string.Join("\n", csv.Split('\n').Take(3)) + "\n";
        await using (var db = database.CreateContext())
        {
            Assert.True((await new CsvImporter(db, database.Clock).ImportAsync(ImportKind.Programmes, accepted)).Written);
        }

        await using var check = database.CreateContext();
        var nordic = await check.Programmes.Include(p => p.Indicators).SingleAsync(p => p.Name == "Nordic Amounts");
        Assert.Equal((213_834_700L, "Skåne pilot"), (nordic.FundingAmountMinor!.Value, nordic.Description));
        Assert.Equal((2000, 3000), (nordic.Indicators.Single().Actual!.Value, nordic.Indicators.Single().Target!.Value));
        Assert.Equal(213_834_750L, (await check.Programmes.SingleAsync(p => p.Name == "Danish Amounts")).FundingAmountMinor);
    }

    [Fact]
    public async Task Programmes_UnknownLeadBadDatesAndIndicator_AreExplained()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        const string csv = """
            name,lead_organisation,funding_amount,start_date,end_date,indicators
            Broken,Nobody Ltd,100,2024-05-01,2024-01-01,Reached forty
            """;

        var problems = (await new CsvImporter(db, database.Clock).PreviewAsync(ImportKind.Programmes, csv)).Problems.ToList();

        Assert.Contains("Row 2 (Broken): lead_organisation: no organisation is called \"Nobody Ltd\"; add it first.", problems);
        Assert.Contains("Row 2 (Broken): currency is required with a funding amount.", problems);
        Assert.Contains("Row 2 (Broken): end_date is before start_date.", problems);
        Assert.Contains("Row 2 (Broken): indicators: \"Reached forty\" is not written as \"metric = actual\" or \"metric = actual / target\".", problems);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Offers_NewPublishedOfferWithTerms_AndAnExistingOfferChanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        const string csv = """
            name,provider,category,format,status,cost,markets,regions,stages,capacity,contact_email
            Export readiness check,Innovation Skåne,market-intelligence,workshop,published,free,germany; DACH,se-skane,market-launch,12,anna@example.org
            Leap,Business Sweden,market-intelligence,programme,published,paid,,,,,
            """;
        await using (var db = database.CreateContext())
        {
            var result = await new CsvImporter(db, database.Clock).ImportAsync(ImportKind.Offers, csv);
            Assert.True(result.Written, string.Join("\n", result.Preview.Problems));
            Assert.Equal(RowOutcome.Changed, result.Preview.Rows[1].Outcome);
        }

        await using var check = database.CreateContext();
        var offer = await check.Offers.Include(o => o.Terms).ThenInclude(t => t.Term).SingleAsync(o => o.Name == "Export readiness check");
        Assert.Equal((OfferStatus.Published, OfferFormat.Workshop, 12, "anna@example.org"), (offer.Status, offer.Format, offer.Capacity!.Value, offer.ContactEmail));
        Assert.Equal(["dach", "germany", "market-launch", "se-skane"], offer.Terms.Select(t => t.Term!.Code).Order());
        Assert.Equal(OfferFormat.Programme, await check.Offers.Where(o => o.SeedKey == "bs-leap").Select(o => o.Format).SingleAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Offers_NextStepAndDocumentsToPrepare_AreReadWritten_AndBadValuesExplained(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        const string csv = """
            name,provider,category,format,next_step,next_step_working_days,required_documents
            Leap,Business Sweden,market-intelligence,programme,provider contacts company,5,"Pitch deck https://example.org/template
            Export plan"
            """;
        await using (var db = database.CreateContext())
        {
            var result = await new CsvImporter(db, database.Clock).ImportAsync(ImportKind.Offers, csv);
            Assert.True(result.Written, string.Join("\n", result.Preview.Problems));
            Assert.Equal(["next_step", "next_step_working_days", "required_documents"], result.Preview.Rows[0].Changes.Where(c => c.StartsWith("next") || c.StartsWith("required")));
        }

        await using (var check = database.CreateContext())
        {
            var leap = await check.Offers.SingleAsync(o => o.SeedKey == "bs-leap");
            Assert.Equal((NextStep.ProviderContactsCompany, 5), (leap.NextStep, leap.NextStepWorkingDays!.Value));
            Assert.Equal([new RequiredDocument("Pitch deck", "https://example.org/template"), new RequiredDocument("Export plan", null)], leap.RequiredDocumentList);
        }

        await using var again = database.CreateContext();
        var bad = "name,provider,category,format,next_step,next_step_working_days,required_documents\nLeap,Business Sweden,market-intelligence,programme,whenever,61,\"" + string.Join("\n", Enumerable.Range(1, 21).Select(i => $"Document {i}")) + "\"\n";
        var problems = (await new CsvImporter(again, database.Clock).PreviewAsync(ImportKind.Offers, bad)).Problems.ToList();
        Assert.Contains(problems, p => p.StartsWith("Row 2 (Leap): next_step \"whenever\" is not a next step (use one of: not stated, provider contacts company", StringComparison.Ordinal));
        Assert.Contains("Row 2 (Leap): next_step_working_days \"61\" is not a number of working days from 1 to 60.", problems);
        Assert.Contains("Row 2 (Leap): required_documents lists at most 20 documents of up to 250 characters each, one per line.", problems);
    }

    [Fact]
    public async Task Offers_UnknownProviderCategoryAndTerm_AreExplained()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        var problems = (await new CsvImporter(db, database.Clock).PreviewAsync(ImportKind.Offers, "name,provider,category,format,markets\nX,Nobody,astrology,workshop,Mars\n")).Problems.ToList();

        Assert.Equal(
            [
                "Row 2 (X): provider: no organisation is called \"Nobody\"; add it first.",
                "Row 2 (X): category \"astrology\" is not a known support category.",
                "Row 2 (X): markets: \"Mars\" is not a known market.",
            ],
            problems);
    }

    [Fact]
    public void Templates_HaveEveryColumnAndAnExampleRow()
    {
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            var lines = CsvImporter.Template(kind).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Equal(string.Join(',', CsvImporter.ColumnsOf(kind).Select(c => c.Name)), lines[0].TrimEnd('\r'));
        }
    }
}
