using System.Linq.Expressions;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Domain;

/// <summary>A startup or SME client of an incubator. Its data is confidential to its home incubator.</summary>
public class Company : Entity, ISearchable
{
    /// <summary>Characters in a company's description.</summary>
    public const int DescriptionMaxLength = 4000;

    private Company()
    {
    }

    public Company(string name, string countryCode)
    {
        Name = name;
        CountryCode = countryCode;
    }

    public string Name { get; set; } = "";

    /// <summary>Organisation number digits only (Swedish organisationsnummer, Danish CVR, Norwegian organisasjonsnummer).</summary>
    public string? OrganisationNumber { get; set; }

    public string CountryCode { get; set; } = "";

    public int? RegionId { get; set; }

    public TaxonomyTerm? Region { get; set; }

    public int? SectorId { get; set; }

    public TaxonomyTerm? Sector { get; set; }

    public int? StageId { get; set; }

    public TaxonomyTerm? Stage { get; set; }

    public int? FoundedYear { get; set; }

    public int? Employees { get; set; }

    public int? HomeIncubatorId { get; set; }

    public Organisation? HomeIncubator { get; set; }

    public string? Website { get; set; }

    public string? Description { get; set; }

    public bool IsFictional { get; set; }

    /// <summary>Current consent to share the company's data with partner organisations (history in <see cref="ConsentRecords"/>).</summary>
    public bool SharesDataWithPartners { get; private set; }

    /// <summary>
    /// The consent rule of referrals and notifications (the brief: a company's identity — name, number, website —
    /// is shown to another organisation only with its consent; ADR 1900): shown when the company shares its data
    /// with partners, or when it is one of <paramref name="visibleCompanies"/>, the companies the viewer sees
    /// anyway (<see cref="Security.DataScopes.VisibleTo(IQueryable{Company}, Security.Viewer)"/>). Otherwise the
    /// company appears without its identity.
    /// </summary>
    public static Expression<Func<Company, bool>> IdentityShownTo(IQueryable<Company> visibleCompanies) =>
        c => c.SharesDataWithPartners || visibleCompanies.Any(v => v.Id == c.Id);

    public string SearchText { get; set; } = "";

    private readonly List<CompanyTerm> _terms = [];

    /// <summary>Target markets.</summary>
    public IReadOnlyCollection<CompanyTerm> Terms => _terms;

    public ICollection<CompanyAdvisor> Advisors { get; } = [];

    public ICollection<ConsentRecord> ConsentRecords { get; } = [];

    public ICollection<Need> Needs { get; } = [];

    public ICollection<CompanyNote> Notes { get; } = [];

    public string BuildSearchText() => TextNormalizer.Normalize($"{Name} {OrganisationNumber}");

    public ConsentRecord GiveConsent(string purpose, Actor by, DateTime at)
    {
        var record = new ConsentRecord(this, given: true, purpose, by, at);
        ConsentRecords.Add(record);
        SharesDataWithPartners = true;
        return record;
    }

    public ConsentRecord WithdrawConsent(string? reason, Actor by, DateTime at)
    {
        if (!SharesDataWithPartners)
        {
            throw new DomainRuleException("There is no consent to withdraw.");
        }

        var record = new ConsentRecord(this, given: false, reason ?? "Withdrawn", by, at);
        ConsentRecords.Add(record);
        SharesDataWithPartners = false;
        return record;
    }

    /// <summary>
    /// Replaces the company's terms of one kind (see <see cref="TermLinks.Replace"/>); the existing links' terms
    /// must be loaded. Companies link target markets only.
    /// </summary>
    public void SetTerms(TaxonomyKind kind, IEnumerable<TaxonomyTerm> terms)
    {
        if (kind != TaxonomyKind.Market)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A company links target markets only.");
        }

        TermLinks.Replace(_terms, kind, terms, term => new CompanyTerm(term));
    }
}

public class CompanyTerm : ITermLink, IPartOf<Company>
{
    private CompanyTerm()
    {
    }

    internal CompanyTerm(TaxonomyTerm term)
    {
        Term = term;
        TermId = term.Id;
    }

    public int CompanyId { get; private set; }

    public int TermId { get; private set; }

    public TaxonomyTerm? Term { get; private set; }
}

public class CompanyAdvisor : IPartOf<Company>
{
    public int CompanyId { get; set; }

    public string UserId { get; set; } = "";

    public ApplicationUser? User { get; set; }
}

/// <summary>A company's consent, given or withdrawn. Consent history is append-only.</summary>
public class ConsentRecord : IPartOf<Company>
{
    /// <summary>Characters in what the company consents to, or the reason it withdrew consent.</summary>
    public const int PurposeMaxLength = 1000;

    private ConsentRecord()
    {
    }

    internal ConsentRecord(Company company, bool given, string purpose, Actor by, DateTime at)
    {
        Company = company;
        Given = given;
        Purpose = purpose;
        RecordedByUserId = by.RequireAccount();
        RecordedByName = by.Name;
        RecordedAt = at;
    }

    public int Id { get; private set; }

    public int CompanyId { get; private set; }

    public Company? Company { get; private set; }

    public bool Given { get; private set; }

    /// <summary>What the consent covers, or why it was withdrawn.</summary>
    public string Purpose { get; private set; } = "";

    public string RecordedByUserId { get; private set; } = "";

    public string RecordedByName { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }
}

/// <summary>A free-text note on a company's timeline.</summary>
public class CompanyNote
{
    /// <summary>Characters in an advisor's note on a company.</summary>
    public const int TextMaxLength = 4000;

    public int Id { get; set; }

    public int CompanyId { get; set; }

    public string Text { get; set; } = "";

    public string AuthorUserId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
