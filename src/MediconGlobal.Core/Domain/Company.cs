using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Domain;

/// <summary>A startup or SME client of an incubator. Its data is confidential to its home incubator.</summary>
public class Company : Entity, ISearchable
{
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

    public string SearchText { get; set; } = "";

    /// <summary>Target markets.</summary>
    public ICollection<CompanyTerm> Terms { get; } = [];

    public ICollection<CompanyAdvisor> Advisors { get; } = [];

    public ICollection<ConsentRecord> ConsentRecords { get; } = [];

    public ICollection<Need> Needs { get; } = [];

    public ICollection<CompanyNote> Notes { get; } = [];

    public string BuildSearchText() => TextNormalizer.Normalize($"{Name} {OrganisationNumber}");

    public ConsentRecord GiveConsent(string purpose, string byUserId, string byName, DateTime at)
    {
        var record = new ConsentRecord(this, given: true, purpose, byUserId, byName, at);
        ConsentRecords.Add(record);
        SharesDataWithPartners = true;
        return record;
    }

    public ConsentRecord WithdrawConsent(string? reason, string byUserId, string byName, DateTime at)
    {
        if (!SharesDataWithPartners)
        {
            throw new DomainRuleException("There is no consent to withdraw.");
        }

        var record = new ConsentRecord(this, given: false, reason ?? "Withdrawn", byUserId, byName, at);
        ConsentRecords.Add(record);
        SharesDataWithPartners = false;
        return record;
    }

    public void SetTargetMarkets(IEnumerable<TaxonomyTerm> markets)
    {
        Terms.Clear();
        foreach (var market in markets)
        {
            Terms.Add(new CompanyTerm { Term = market, TermId = market.Id });
        }
    }
}

public class CompanyTerm
{
    public int CompanyId { get; set; }

    public int TermId { get; set; }

    public TaxonomyTerm? Term { get; set; }
}

public class CompanyAdvisor
{
    public int CompanyId { get; set; }

    public string UserId { get; set; } = "";

    public ApplicationUser? User { get; set; }
}

/// <summary>A company's consent, given or withdrawn. Consent history is append-only.</summary>
public class ConsentRecord
{
    private ConsentRecord()
    {
    }

    internal ConsentRecord(Company company, bool given, string purpose, string byUserId, string byName, DateTime at)
    {
        Company = company;
        Given = given;
        Purpose = purpose;
        RecordedByUserId = byUserId;
        RecordedByName = byName;
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
    public int Id { get; set; }

    public int CompanyId { get; set; }

    public string Text { get; set; } = "";

    public string AuthorUserId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
