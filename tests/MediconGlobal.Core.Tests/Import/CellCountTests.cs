using System.IO.Compression;
using System.Text;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Import;
using MediconGlobal.Testing;

namespace MediconGlobal.Core.Tests.Import;

/// <summary>Issue 13 item 1: a row with more or fewer cells than the header is refused in every kind of import file.</summary>
public sealed class CellCountTests
{
    public static TheoryData<ImportKind, string, string> Rows()
    {
        var data = new TheoryData<ImportKind, string, string>();
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            data.Add(kind, "an unquoted comma (one cell more)", "Row 3 has 5 cells but the header has 4: check the quotes");
            data.Add(kind, "a cell missing", "Row 3 has 3 cells but the header has 4: check the quotes");
            data.Add(kind, "a quote left open", "Row 3 has 1 cell but the header has 4: check the quotes");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task RowWithAnotherNumberOfCellsThanTheHeader_IsRefusedWithItsRowNumber_AndNothingIsWritten(ImportKind kind, string fault, string expected)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var header = CsvImporter.ColumnsOf(kind).OrderByDescending(c => c.Required).Take(4).Select(c => c.Name).ToList();
        var good = string.Join(',', header.Select(c => "x"));
        var bad = fault switch
        {
            "an unquoted comma (one cell more)" => good + ",Lund",
            "a cell missing" => string.Join(',', header.Skip(1).Select(c => "x")),
            _ => "\"x,x,x,x",
        };
        var csv = $"{string.Join(',', header)}\n{good}\n{bad}\n";
        await using var db = database.CreateContext();

        var result = await new CsvImporter(db, database.Clock).ImportAsync(kind, csv);

        Assert.False(result.Written);
        Assert.Contains(result.Preview.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuotedCellHoldingACommaOrALineBreak_IsOneCell()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        var preview = await new CsvImporter(db, database.Clock).PreviewAsync(ImportKind.Organisations, "name,type,country,description\nExtra Field Demo Org,incubator,SE,\"Helps founders in Lund, Malmö\nand Helsingborg\"\n");

        Assert.True(preview.IsAcceptable, string.Join("\n", preview.Problems));
    }

    [Fact]
    public async Task HsdsPackage_RowWithMoreCellsThanItsHeader_IsRefusedNamingTheFileAndRow()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var writer = new StreamWriter(archive.CreateEntry("organizations.csv").Open(), Encoding.UTF8);
            await writer.WriteAsync("id,name,description\no-1,Extra Field Demo Org,Helps founders in Lund, Malmö and Helsingborg\n");
        }

        zip.Position = 0;
        await using var db = database.CreateContext();

        var results = await new HsdsPackageImport(db, database.Clock).ImportAsync(zip, write: true);

        var result = Assert.Single(results);
        Assert.False(result.Written);
        Assert.StartsWith("organizations.csv: Row 2 has 4 cells but the header has 3: check the quotes", Assert.Single(result.Preview.Problems), StringComparison.Ordinal);
    }
}
