using MediconGlobal.Core.Data;
using MediconGlobal.Core.Import;
using MediconGlobal.Testing;

namespace MediconGlobal.Core.Tests.Import;

/// <summary>Issue 10, item 10: dates in imported files are checked against the portal's calendar range like every other date input.</summary>
public sealed class ImportDateRangeTests
{
    [Theory]
    [InlineData("9999-12-31", "2024-12-31", "start_date \"9999-12-31\" is not between 1900-01-01 and 2100-12-31.")]
    [InlineData("2024-01-01", "0001-01-01", "end_date \"0001-01-01\" is not between 1900-01-01 and 2100-12-31.")]
    public async Task ProgrammeDates_OutsideTheCalendarRange_MakeTheRowInvalid(string start, string end, string message)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var csv = $"name,lead_organisation,status,start_date,end_date\nFar Future Pilot,SmiLe Incubator,planned,{start},{end}\n";

        var preview = await new CsvImporter(db, database.Clock).PreviewAsync(ImportKind.Programmes, csv);

        Assert.False(preview.IsAcceptable);
        Assert.Contains(message, preview.Rows.Single().Problems.Select(p => p.ToString()));
    }
}
