using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Domain;

/// <summary>A support organisation or other actor in the ecosystem.</summary>
public class Organisation : Entity, ISearchable
{
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

    /// <summary>Stable key for records loaded from the seed documents; null for records made in the portal.</summary>
    public string? SeedKey { get; set; }

    /// <summary>Marks demo data that describes no real organisation.</summary>
    public bool IsFictional { get; set; }

    public string SearchText { get; set; } = "";

    /// <summary>Areas of expertise (support categories), sectors served and languages.</summary>
    public ICollection<OrganisationTerm> Terms { get; } = [];

    public ICollection<OrganisationContact> Contacts { get; } = [];

    public ICollection<PartnershipStatusChange> PartnershipHistory { get; } = [];

    public ICollection<Offer> Offers { get; } = [];

    public string BuildSearchText() => TextNormalizer.Normalize($"{Name} {Description}");

    /// <summary>Moves the organisation along the engagement pipeline, keeping a dated, attributed history.</summary>
    public PartnershipStatusChange ChangePartnershipStatus(PartnershipStatus to, string? note, string byUserId, string byName, DateTime at)
    {
        if (to == PartnershipStatus)
        {
            throw new DomainRuleException($"The organisation is already {to}.");
        }

        var change = new PartnershipStatusChange(this, PartnershipStatus, to, note, byUserId, byName, at);
        PartnershipStatus = to;
        PartnershipHistory.Add(change);
        return change;
    }

    /// <summary>
    /// Replaces the terms of one kind, keeping links that stay (so EF Core updates only what changed). The
    /// existing links' <c>Term</c> must be loaded.
    /// </summary>
    public void SetTerms(TaxonomyKind kind, IEnumerable<TaxonomyTerm> terms)
    {
        var wanted = terms.Distinct().ToList();
        static bool Same(OrganisationTerm link, TaxonomyTerm term) => ReferenceEquals(link.Term, term) || (term.Id != 0 && link.TermId == term.Id);
        foreach (var stale in Terms.Where(t => t.Term?.Kind == kind && !wanted.Any(w => Same(t, w))).ToList())
        {
            Terms.Remove(stale);
        }

        foreach (var term in wanted.Where(w => !Terms.Any(t => Same(t, w))))
        {
            Terms.Add(new OrganisationTerm { Term = term, TermId = term.Id });
        }
    }
}

public class OrganisationTerm
{
    public int OrganisationId { get; set; }

    public int TermId { get; set; }

    public TaxonomyTerm? Term { get; set; }
}

public class OrganisationContact
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
    private PartnershipStatusChange()
    {
    }

    internal PartnershipStatusChange(Organisation organisation, PartnershipStatus? from, PartnershipStatus to, string? note, string byUserId, string byName, DateTime at)
        : base(from, to, note, byUserId, byName, at)
    {
        Organisation = organisation;
    }

    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }
}
