using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Domain;

/// <summary>A support organisation or other actor in the ecosystem.</summary>
public class Organisation : Entity, ISearchable
{
    /// <summary>Characters in what an organisation needs from collaborations (profile, engagement, import).</summary>
    public const int CollaborationNeedsMaxLength = 4000;

    /// <summary>
    /// The organisations that can be a client company's home incubator: incubators, regional innovation agencies and cluster organisations,
    /// the organisations whose advisors keep clients (the brief's "incubator advisor (SmiLe, Innovation Skåne, other
    /// incubators)"; ADR 1901). Used by self-registration and by the client form alike.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Organisation, bool>> CanBeHomeIncubator =
        o => o.Type == OrganisationType.Incubator || o.Type == OrganisationType.RegionalInnovationAgency || o.Type == OrganisationType.ClusterOrganisation;

    /// <summary>Longest description, in characters: the column, the profile validator and the importer read it.</summary>
    public const int DescriptionMaxLength = 8000;

    private Organisation()
    {
    }

    public Organisation(string name, OrganisationType type, string countryCode)
    {
        Name = name;
        Type = type;
        CountryCode = countryCode;
    }

    public string Name { get; set; } = "";

    public OrganisationType Type { get; set; }

    /// <summary>ISO 3166 alpha-2 country code.</summary>
    public string CountryCode { get; set; } = "";

    public int? RegionId { get; set; }

    public TaxonomyTerm? Region { get; set; }

    public string? Website { get; set; }

    public string? Description { get; set; }

    /// <summary>What the organisation itself needs from collaboration.</summary>
    public string? CollaborationNeeds { get; set; }

    public PartnershipStatus PartnershipStatus { get; private set; }

    /// <summary>
    /// The organisation's response promise (issue 19 item 1): how many of its working days it usually needs to answer a
    /// referral, between <see cref="ResponsePromise.MinWorkingDays"/> and <see cref="ResponsePromise.MaxWorkingDays"/>;
    /// null follows the portal's default (<see cref="PortalSettings.DefaultAnswerWorkingDays"/>).
    /// </summary>
    public int? AnswerWithinWorkingDays { get; set; }

    /// <summary>Stable key for records loaded from the seed documents; null for records made in the portal.</summary>
    public string? SeedKey { get; set; }

    /// <summary>Marks demo data that describes no real organisation.</summary>
    public bool IsFictional { get; set; }

    public string SearchText { get; set; } = "";

    private readonly List<OrganisationTerm> _terms = [];

    /// <summary>Areas of expertise (support categories), sectors served and languages.</summary>
    public IReadOnlyCollection<OrganisationTerm> Terms => _terms;

    public ICollection<OrganisationContact> Contacts { get; } = [];

    public ICollection<PartnershipStatusChange> PartnershipHistory { get; } = [];

    public ICollection<Offer> Offers { get; } = [];

    public string BuildSearchText() => TextNormalizer.Normalize($"{Name} {Description}");

    /// <summary>Moves the organisation along the engagement pipeline, keeping a dated, attributed history.</summary>
    public PartnershipStatusChange ChangePartnershipStatus(PartnershipStatus to, string? note, Actor by, DateTime at)
    {
        if (to == PartnershipStatus)
        {
            throw new DomainRuleException("The organisation is already at that stage.");
        }

        var change = new PartnershipStatusChange(this, PartnershipStatus, to, note, by, at);
        PartnershipStatus = to;
        PartnershipHistory.Add(change);
        return change;
    }

    /// <summary>Replaces the organisation's terms of one kind (see <see cref="TermLinks.Replace"/>); the existing links' terms must be loaded.</summary>
    public void SetTerms(TaxonomyKind kind, IEnumerable<TaxonomyTerm> terms) => TermLinks.Replace(_terms, kind, terms, term => new OrganisationTerm(term));
}

public class OrganisationTerm : ITermLink, IPartOf<Organisation>
{
    private OrganisationTerm()
    {
    }

    internal OrganisationTerm(TaxonomyTerm term)
    {
        Term = term;
        TermId = term.Id;
    }

    public int OrganisationId { get; private set; }

    public int TermId { get; private set; }

    public TaxonomyTerm? Term { get; private set; }
}

public class OrganisationContact : IPartOf<Organisation>
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public string Name { get; set; } = "";

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

/// <summary>One step of an organisation's partnership pipeline.</summary>
public class PartnershipStatusChange : StatusChange<PartnershipStatus>
{
    /// <summary>Characters in the note of a move in the partnership pipeline.</summary>
    public const int NoteMaxLength = 4000;

    private PartnershipStatusChange()
    {
    }

    internal PartnershipStatusChange(Organisation organisation, PartnershipStatus? from, PartnershipStatus to, string? note, Actor by, DateTime at)
        : base(from, to, note, by, at)
    {
        Organisation = organisation;
    }

    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    /// <summary>When the organisation is merged into another, its pipeline history goes with it.</summary>
    internal void MoveToOrganisation(int organisationId) => OrganisationId = organisationId;
}
