using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Clients;

/// <summary>An existing company that looks like the one about to be created, and why.</summary>
public sealed record PossibleDuplicate(int Id, string Name, string? OrganisationNumber, string CountryCode, bool SameOrganisationNumber);

/// <summary>
/// Finds existing client records that a new one probably duplicates: the same organisation number in the same
/// country, or a very similar name ("Aurora Biologics AB" and "Aurora Biologic"). Only records the viewer may
/// see are compared, so the warning never reveals another incubator's confidential client list.
/// </summary>
public static class CompanyDuplicates
{
    private static readonly HashSet<string> LegalForms = ["ab", "publ", "aps", "a/s", "as", "asa", "ivs", "oy", "gmbh", "ltd", "limited", "inc", "llc", "bv", "sa", "ag"];

    /// <summary>
    /// Up to five visible records that <paramref name="name"/> / <paramref name="organisationNumber"/> probably
    /// duplicate, same number first. Runs on create and on edit (issue 13 item 6): an edit passes the record's own
    /// id as <paramref name="exceptId"/> so a record never duplicates itself.
    /// </summary>
    public static async Task<IReadOnlyList<PossibleDuplicate>> FindAsync(AppDbContext db, Viewer viewer, string name, string countryCode, string? organisationNumber, int? exceptId = null, CancellationToken cancellationToken = default)
    {
        var digits = OrganisationNumber.Normalize(organisationNumber);
        var candidates = await db.Companies.AsNoTracking().VisibleTo(viewer).Where(c => c.Id != exceptId)
            .Select(c => new { c.Id, c.Name, c.OrganisationNumber, c.CountryCode })
            .ToListAsync(cancellationToken);
        return candidates
            .Select(c => new PossibleDuplicate(c.Id, c.Name, c.OrganisationNumber, c.CountryCode,
                digits.Length > 0 && c.CountryCode == countryCode && c.OrganisationNumber == digits))
            .Where(c => c.SameOrganisationNumber || AreSimilar(name, c.Name))
            .OrderByDescending(c => c.SameOrganisationNumber)
            .ThenBy(c => c.Name, NameOrder.Comparer())
            .Take(5)
            .ToList();
    }

    /// <summary>True when two names are the same company name give or take case, accents, legal form and a typo or two.</summary>
    public static bool AreSimilar(string first, string second)
    {
        var (a, b) = (NameKey(first), NameKey(second));
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (a == b)
        {
            return true;
        }

        var allowed = Math.Min(a.Length, b.Length) switch
        {
            < 5 => 0,
            < 10 => 1,
            _ => 2,
        };
        return Math.Abs(a.Length - b.Length) <= allowed && Distance(a, b) <= allowed;
    }

    /// <summary>The name folded for comparison: lower case, no accents, no punctuation, no legal form.</summary>
    public static string NameKey(string name)
    {
        var words = TextNormalizer.Normalize(name)
            .Split([' ', ',', '.', '-', '(', ')', '&'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !LegalForms.Contains(w));
        return string.Join(" ", words);
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
