using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Domain;

/// <summary>An initiative or project, with its partners, funding and results.</summary>
public class Programme : Entity, ISearchable
{
    /// <summary>Characters in a programme's target group and its geography.</summary>
    public const int ShortTextMaxLength = 2000;

    /// <summary>Characters in a programme's links (one web address a line).</summary>
    public const int LinksMaxLength = 4000;

    /// <summary>Longest description, activities and lessons learned, in characters (column, validators, importer).</summary>
    public const int TextMaxLength = 8000;

    private Programme()
    {
    }

    public Programme(string name, Organisation lead)
    {
        Name = name;
        LeadOrganisation = lead;
    }

    public string Name { get; set; } = "";

    public int LeadOrganisationId { get; set; }

    public Organisation? LeadOrganisation { get; set; }

    public string? Description { get; set; }

    /// <summary>Name of the funder as written in the source (e.g. "Vinnova", "European Union").</summary>
    public string? Funder { get; set; }

    public int? FunderOrganisationId { get; set; }

    public Organisation? FunderOrganisation { get; set; }

    /// <summary>Funding in minor units (öre, øre, cents) so sums stay exact on every database.</summary>
    public long? FundingAmountMinor { get; set; }

    public Currency? FundingCurrency { get; set; }

    public string? ReferenceNumber { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public ProgrammeStatus Status { get; set; }

    public string? TargetGroup { get; set; }

    public string? Geography { get; set; }

    public string? Activities { get; set; }

    public string? LessonsLearned { get; set; }

    /// <summary>One address per line.</summary>
    public string? Links { get; set; }

    public string? SeedKey { get; set; }

    public bool IsFictional { get; set; }

    public string SearchText { get; set; } = "";

    public ICollection<ProgrammePartner> Partners { get; } = [];

    public ICollection<ProgrammeIndicator> Indicators { get; } = [];

    public decimal? FundingAmount => FundingAmountMinor / 100m;

    public string BuildSearchText() => TextNormalizer.Normalize($"{Name} {Description} {Funder} {ReferenceNumber}");
}

public class ProgrammePartner : IPartOf<Programme>
{
    public int ProgrammeId { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    /// <summary>The partner's role, e.g. "coordinator", "partner", "funder".</summary>
    public string? Role { get; set; }
}

/// <summary>A result indicator: a metric with its target and actual value.</summary>
public class ProgrammeIndicator : IPartOf<Programme>
{
    /// <summary>Characters in the notes of a result indicator.</summary>
    public const int NotesMaxLength = 2000;

    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public string Metric { get; set; } = "";

    public int? Target { get; set; }

    public int? Actual { get; set; }

    public string? Notes { get; set; }

    /// <summary>
    /// Name of the funnel this indicator is a step of (e.g. "Leap"); the steps of one funnel are read in
    /// <see cref="SortOrder"/>, so "learned about Leap: 200" then "implemented Leap: 5" reads as a funnel.
    /// </summary>
    public string? Funnel { get; set; }

    public int SortOrder { get; set; }
}
