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

    public async Task<StepResult> CreateAsync(Viewer viewer, CompanyProfile profile, string? consentPurpose, Actor actor, CancellationToken cancellationToken = default)
    {
        var company = new Company(profile.Name.Trim(), profile.CountryCode);
        await ApplyAsync(company, profile, cancellationToken);
        company.HomeIncubatorId = viewer.SeesEverything ? profile.HomeIncubatorId : viewer.OrganisationId;
        if (viewer.IsInRole(Roles.Advisor))
        {
            company.Advisors.Add(new CompanyAdvisor { UserId = actor.UserId });
        }

        if (!string.IsNullOrWhiteSpace(consentPurpose))
        {
            company.GiveConsent(consentPurpose.Trim(), actor.UserId, actor.Name, Now);
        }

        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);
        return StepResult.Done(company.Id);
    }

    public async Task<StepResult> UpdateAsync(Viewer viewer, int id, int version, CompanyProfile profile, CancellationToken cancellationToken = default)
    {
        var company = await db.Companies.VisibleTo(viewer).Include(c => c.Terms).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return StepResult.NotFound;
        }

        if (company.Version != version)
        {
            return StepResult.Conflict;
        }

        company.Name = profile.Name.Trim();
        company.CountryCode = profile.CountryCode;
        await ApplyAsync(company, profile, cancellationToken);
        if (viewer.SeesEverything)
        {
            company.HomeIncubatorId = profile.HomeIncubatorId;
        }

        return await db.SaveStepAsync(company.Id, cancellationToken);
    }

    public Task<StepResult> GiveConsentAsync(Viewer viewer, int id, int version, string purpose, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(viewer, id, version, c => c.GiveConsent(purpose.Trim(), actor.UserId, actor.Name, Now), cancellationToken);

    public Task<StepResult> WithdrawConsentAsync(Viewer viewer, int id, int version, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(viewer, id, version, c => c.WithdrawConsent(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), actor.UserId, actor.Name, Now), cancellationToken);

    public async Task<StepResult> AddNoteAsync(Viewer viewer, int id, string text, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!await db.Companies.VisibleTo(viewer).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return StepResult.NotFound;
        }

        db.CompanyNotes.Add(new CompanyNote { CompanyId = id, Text = text.Trim(), AuthorUserId = actor.UserId, AuthorName = actor.Name, CreatedAt = Now });
        await db.SaveChangesAsync(cancellationToken);
        return StepResult.Done(id);
    }

    private async Task<StepResult> ChangeAsync(Viewer viewer, int id, int version, Action<Company> change, CancellationToken cancellationToken)
    {
        var company = await db.Companies.VisibleTo(viewer).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return StepResult.NotFound;
        }

        if (company.Version != version)
        {
            return StepResult.Conflict;
        }

        try
        {
            change(company);
        }
        catch (DomainRuleException ex)
        {
            return StepResult.Refused(ex.Message);
        }

        // Consent lives on the company row too (SharesDataWithPartners), so the change bumps its version.
        return await db.SaveStepAsync(company.Id, cancellationToken);
    }

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
        // Changed in place rather than cleared and re-added, so an unchanged market is not deleted and inserted again.
        var wanted = await db.TaxonomyTerms.Where(t => profile.MarketIds.Contains(t.Id) && t.Kind == TaxonomyKind.Market).Select(t => t.Id).ToListAsync(cancellationToken);
        foreach (var stale in company.Terms.Where(t => !wanted.Contains(t.TermId)).ToList())
        {
            company.Terms.Remove(stale);
        }

        foreach (var added in wanted.Where(id => company.Terms.All(t => t.TermId != id)))
        {
            company.Terms.Add(new CompanyTerm { TermId = added });
        }
    }
}
