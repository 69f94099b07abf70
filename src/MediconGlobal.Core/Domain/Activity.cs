namespace MediconGlobal.Core.Domain;

/// <summary>A conference, webinar, matchmaking meeting or expert-panel session, usually within a programme.</summary>
public class Activity : Entity
{
    public string Name { get; set; } = "";

    public ActivityKind Kind { get; set; }

    public DateOnly Date { get; set; }

    public int? ProgrammeId { get; set; }

    public Programme? Programme { get; set; }

    public int? OrganiserId { get; set; }

    public Organisation? Organiser { get; set; }

    public string? Description { get; set; }

    /// <summary>Participants counted, including companies not registered in the portal.</summary>
    public int? ParticipantCount { get; set; }

    /// <summary>How many went further (e.g. "companies continuing").</summary>
    public int? FollowUpCount { get; set; }

    public string? Outcome { get; set; }

    public ICollection<ActivityParticipant> Participants { get; } = [];
}

public class ActivityParticipant : IPartOf<Activity>
{
    public int ActivityId { get; set; }

    public int CompanyId { get; set; }

    public Company? Company { get; set; }
}
