using System.Text.Json;
using System.Text.Json.Serialization;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// A gap report saved with a title and a comment, so project managers can look back at it and compare it
/// with a later one. Holds the full numbers (only project managers and administrators see snapshots).
/// </summary>
public class GapSnapshot : Entity
{
    /// <summary>Characters in the comment saved with a snapshot.</summary>
    public const int CommentMaxLength = 2000;

    /// <summary>
    /// Enums (dimensions, statuses, the view) are written by name so adding or reordering a value never changes
    /// what an old snapshot means; snapshots written before this (enums as numbers) still read (issue 15 item 5).
    /// </summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private GapSnapshot()
    {
    }

    public GapSnapshot(string title, string? comment, GapReport report, string savedByUserId, string savedByName, DateTime at)
    {
        if (report.View != GapView.Full)
        {
            throw new DomainRuleException("A snapshot keeps the full numbers of a report.");
        }

        Title = title;
        Comment = comment;
        Rows = report.Query.Rows;
        Columns = report.Query.Columns;
        ReportJson = JsonSerializer.Serialize(report, Json);
        SavedByUserId = savedByUserId;
        SavedByName = savedByName;
        SavedAt = at;
    }

    public string Title { get; set; } = "";

    public string? Comment { get; set; }

    public GapDimension Rows { get; private set; }

    public GapDimension Columns { get; private set; }

    /// <summary>The whole report (query, axes, figures, trend) as JSON.</summary>
    public string ReportJson { get; private set; } = "";

    public string SavedByUserId { get; private set; } = "";

    public string SavedByName { get; private set; } = "";

    public DateTime SavedAt { get; private set; }

    public GapReport Report() => JsonSerializer.Deserialize<GapReport>(ReportJson, Json)
        ?? throw new InvalidOperationException($"Snapshot {Id} holds no report.");
}
