namespace MediconGlobal.Core.Domain;

/// <summary>
/// An activity of a programme (brief §3, seed 002 "Activities in the project"): a conference, webinar, focused
/// network or matchmaking event, collaborative network or Booster Board expert panel, with its participating
/// companies (clients) and organisations and its outcome counts. Participants, organisations and terms are parts
/// of the activity, so changing only them still checks and bumps <see cref="Entity.Version"/> (ADR 1050).
/// </summary>
public class Activity : Entity
{
    /// <summary>Topics, descriptions and outcomes share the limits of the EF configuration and the form's validator.</summary>
    public const int TopicLength = NameMaxLength;

    public const int TextLength = 4000;

    private readonly List<ActivityParticipant> _participants = [];
    private readonly List<ActivityOrganisation> _organisations = [];
    private readonly List<ActivityTerm> _terms = [];

    /// <summary>The topic, e.g. "Booster Board: remote monitoring for home care".</summary>
    public string Name { get; set; } = "";

    /// <summary>The format (the seed's list of activities).</summary>
    public ActivityKind Kind { get; set; }

    public DateOnly Date { get; set; }

    public int? ProgrammeId { get; set; }

    public Programme? Programme { get; set; }

    public int? OrganiserId { get; set; }

    public Organisation? Organiser { get; set; }

    public string? Description { get; set; }

    /// <summary>Participants counted, including people and companies not registered in the portal.</summary>
    public int? ParticipantCount { get; set; }

    /// <summary>Follow-up meetings the activity led to.</summary>
    public int? FollowUpCount { get; set; }

    /// <summary>Companies that continued (into a collaboration, a test, the next step of the programme).</summary>
    public int? ContinuingCount { get; set; }

    public string? Outcome { get; set; }

    /// <summary>Participating client companies; whose identity a viewer may see is <c>DataScopes.IdentifiableBy</c>.</summary>
    public IReadOnlyCollection<ActivityParticipant> Participants => _participants;

    /// <summary>Participating organisations: municipalities, hospitals, companies and partners of the landscape.</summary>
    public IReadOnlyCollection<ActivityOrganisation> Organisations => _organisations;

    /// <summary>The markets and sectors the activity was about.</summary>
    public IReadOnlyCollection<ActivityTerm> Terms => _terms;

    /// <summary>Makes the participating companies exactly <paramref name="companyIds"/>; rows that stay are kept.</summary>
    public void SetParticipants(IEnumerable<int> companyIds)
    {
        var wanted = companyIds.Distinct().ToList();
        _participants.RemoveAll(p => !wanted.Contains(p.CompanyId));
        _participants.AddRange(wanted.Where(id => _participants.All(p => p.CompanyId != id)).Select(id => new ActivityParticipant { CompanyId = id }));
    }

    /// <summary>Makes the participating organisations exactly <paramref name="organisationIds"/>; rows that stay are kept.</summary>
    public void SetOrganisations(IEnumerable<int> organisationIds)
    {
        var wanted = organisationIds.Distinct().ToList();
        _organisations.RemoveAll(o => !wanted.Contains(o.OrganisationId));
        _organisations.AddRange(wanted.Where(id => _organisations.All(o => o.OrganisationId != id)).Select(id => new ActivityOrganisation { OrganisationId = id }));
    }

    /// <summary>Replaces the activity's terms of one kind (markets or sectors); see <see cref="TermLinks.Replace"/>.</summary>
    public void SetTerms(TaxonomyKind kind, IEnumerable<TaxonomyTerm> terms) =>
        TermLinks.Replace(_terms, kind, terms, term => new ActivityTerm(term));

    /// <summary>
    /// Moves what points at organisation <paramref name="from"/> to <paramref name="to"/> when the two are merged
    /// (ADR 1151): the organiser and the participating organisation (kept once).
    /// </summary>
    public void MoveOrganisation(int from, int to)
    {
        if (OrganiserId == from)
        {
            OrganiserId = to;
        }

        if (_organisations.Any(o => o.OrganisationId == from))
        {
            SetOrganisations(_organisations.Select(o => o.OrganisationId == from ? to : o.OrganisationId).ToList());
        }
    }
}

public class ActivityParticipant : IPartOf<Activity>
{
    public int ActivityId { get; set; }

    public int CompanyId { get; set; }

    public Company? Company { get; set; }
}

public class ActivityOrganisation : IPartOf<Activity>
{
    public int ActivityId { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }
}

public class ActivityTerm : ITermLink, IPartOf<Activity>
{
    private ActivityTerm()
    {
    }

    internal ActivityTerm(TaxonomyTerm term)
    {
        Term = term;
        TermId = term.Id;
    }

    public int ActivityId { get; private set; }

    public int TermId { get; private set; }

    public TaxonomyTerm? Term { get; private set; }
}
