using FluentValidation.Results;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Clients;

/// <summary>A company's profile as a form edits it. The organisation number may be typed with dashes or spaces.</summary>
public sealed record CompanyProfile(
    string Name,
    string CountryCode,
    string? OrganisationNumber,
    int? RegionId,
    int? SectorId,
    int? StageId,
    int? FoundedYear,
    int? Employees,
    int? HomeIncubatorId,
    string? Website,
    string? Description,
    IReadOnlyList<int> MarketIds);

/// <summary>
/// Creating and editing client records, their consent and notes. Advisors create clients for their own
/// organisation (the home incubator is theirs, whatever the form says) and become the client's advisor;
/// project managers and administrators choose the home incubator.
/// </summary>
public sealed class CompanyRecords(AppDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Checks that the chosen terms exist, are of the right kind and that the region lies in the company's country.</summary>
    public async Task<ValidationResult> CheckReferencesAsync(CompanyProfile profile, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var result = new ValidationResult();
        var ids = new[] { profile.RegionId, profile.SectorId, profile.StageId }.OfType<int>().Concat(profile.MarketIds).ToList();
        var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => new { t.Kind, t.CountryCode }, cancellationToken);
        bool Is(int? id, TaxonomyKind kind) => id is null || (terms.TryGetValue(id.Value, out var term) && term.Kind == kind);
        if (!Is(profile.RegionId, TaxonomyKind.Region))
        {
            result.Errors.Add(new(nameof(CompanyProfile.RegionId), "Choose a region from the list."));
        }
        else if (profile.RegionId is { } region && terms[region].CountryCode != profile.CountryCode)
        {
            result.Errors.Add(new(nameof(CompanyProfile.RegionId), "The region is not in the company's country."));
        }

        if (!Is(profile.SectorId, TaxonomyKind.Sector))
        {
            result.Errors.Add(new(nameof(CompanyProfile.SectorId), "Choose a sector from the list."));
        }

        if (!Is(profile.StageId, TaxonomyKind.Stage))
        {
            result.Errors.Add(new(nameof(CompanyProfile.StageId), "Choose a stage from the list."));
        }

        if (profile.MarketIds.Any(id => !Is(id, TaxonomyKind.Market)))
        {
            result.Errors.Add(new(nameof(CompanyProfile.MarketIds), "Choose target markets from the list."));
        }

        if (viewer.SeesEverything && profile.HomeIncubatorId is { } incubator && !await db.Organisations.AnyAsync(o => o.Id == incubator, cancellationToken))
        {
            result.Errors.Add(new(nameof(CompanyProfile.HomeIncubatorId), "Choose a home incubator from the list."));
        }

        return result;
    }

    public async Task<CommandResult> CreateAsync(Viewer viewer, CompanyProfile profile, string? consentPurpose, Actor actor, CancellationToken cancellationToken = default)
    {
        var company = new Company(profile.Name.Trim(), profile.CountryCode);
        await ApplyAsync(company, profile, cancellationToken);
        company.HomeIncubatorId = viewer.SeesEverything ? profile.HomeIncubatorId : viewer.OrganisationId;
        if (viewer.IsInRole(Roles.Advisor))
        {
            company.Advisors.Add(new CompanyAdvisor { UserId = actor.RequireAccount() });
        }

        if (!string.IsNullOrWhiteSpace(consentPurpose))
        {
            company.GiveConsent(consentPurpose.Trim(), actor, Now);
        }

        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(company.Id);
    }

    /// <summary>Saves the profile over the version the form was loaded with (<see cref="VersionedSave"/>); target markets included.</summary>
    public async Task<CommandResult> UpdateAsync(Viewer viewer, int id, int version, CompanyProfile profile, CancellationToken cancellationToken = default)
    {
        var company = await db.Companies.VisibleTo(viewer).Include(c => c.Terms).ThenInclude(t => t.Term).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return await db.SaveVersionedAsync(company, version, async c =>
        {
            c.Name = profile.Name.Trim();
            c.CountryCode = profile.CountryCode;
            await ApplyAsync(c, profile, cancellationToken);
            if (viewer.SeesEverything)
            {
                c.HomeIncubatorId = profile.HomeIncubatorId;
            }
        }, cancellationToken);
    }

    public Task<CommandResult> GiveConsentAsync(Viewer viewer, int id, int version, string purpose, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(viewer, id, version, c => c.GiveConsent(purpose.Trim(), actor, Now), cancellationToken);

    public Task<CommandResult> WithdrawConsentAsync(Viewer viewer, int id, int version, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(viewer, id, version, c => c.WithdrawConsent(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), actor, Now), cancellationToken);

    public async Task<CommandResult> AddNoteAsync(Viewer viewer, int id, string text, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!await db.Companies.VisibleTo(viewer).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return CommandResult.NotFound;
        }

        db.CompanyNotes.Add(new CompanyNote { CompanyId = id, Text = text.Trim(), AuthorUserId = actor.RequireAccount(), AuthorName = actor.Name, CreatedAt = Now });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(id);
    }

    // Consent lives on the company row (SharesDataWithPartners) and its records are parts of the company, so
    // giving or withdrawing it is checked against the version the page showed.
    private async Task<CommandResult> ChangeAsync(Viewer viewer, int id, int version, Action<Company> change, CancellationToken cancellationToken) =>
        await db.SaveVersionedAsync(await db.Companies.VisibleTo(viewer).FirstOrDefaultAsync(c => c.Id == id, cancellationToken), version, change, cancellationToken);

    private async Task ApplyAsync(Company company, CompanyProfile profile, CancellationToken cancellationToken)
    {
        var number = OrganisationNumber.IsSupportedCountry(profile.CountryCode)
            ? OrganisationNumber.Normalize(profile.OrganisationNumber)
            : profile.OrganisationNumber?.Trim().ToUpperInvariant() ?? "";
        company.OrganisationNumber = number.Length == 0 ? null : number;
        company.RegionId = profile.RegionId;
        company.SectorId = profile.SectorId;
        company.StageId = profile.StageId;
        company.FoundedYear = profile.FoundedYear;
        company.Employees = profile.Employees;
        company.Website = string.IsNullOrWhiteSpace(profile.Website) ? null : profile.Website.Trim();
        company.Description = string.IsNullOrWhiteSpace(profile.Description) ? null : profile.Description.Trim();
        company.SetTerms(TaxonomyKind.Market, await db.TaxonomyTerms.Where(t => profile.MarketIds.Contains(t.Id) && t.Kind == TaxonomyKind.Market).ToListAsync(cancellationToken));
    }
}
