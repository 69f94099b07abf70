using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Infrastructure.Localisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Partner.Offers;

/// <summary>
/// The lists the offer form chooses from. <paramref name="Kept"/> holds the term ids the stored offer already has
/// (format included), which stay on offer even when retired (ADR 1150).
/// </summary>
public sealed record OfferFormOptions(TermCatalog Terms, IReadOnlyList<(int Id, string Name)> Programmes, IReadOnlyCollection<int> Kept)
{
    /// <summary>The formats the form offers, as taxonomy terms whose code is the <see cref="OfferFormat"/> member name.</summary>
    public IEnumerable<TermInfo> Formats => Terms.ChoicesOf(TaxonomyKind.Format, Kept).Where(t => Enum.TryParse<OfferFormat>(t.Code, out _));
}

/// <summary>Moves values between an <see cref="Offer"/> and the offer form, and describes what differs in a conflict.</summary>
public static class OfferForm
{
    /// <summary>Programmes the provider leads or takes part in, plus the one already chosen; the terms of <paramref name="offer"/> stay choosable.</summary>
    public static async Task<OfferFormOptions> LoadOptionsAsync(AppDbContext db, int providerId, int? currentProgrammeId, CancellationToken cancellationToken, Offer? offer = null)
    {
        var terms = await TermCatalog.LoadAsync(db, cancellationToken);
        var kept = offer is null ? [] : offer.Terms.Select(t => t.TermId).Append(offer.CategoryId)
            .Concat(terms.OfKind(TaxonomyKind.Format).Where(f => f.Code == offer.Format.ToString()).Select(f => f.Id)).ToList();
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => p.LeadOrganisationId == providerId || p.FunderOrganisationId == providerId || p.Partners.Any(x => x.OrganisationId == providerId) || p.Id == currentProgrammeId)
            .OrderByName(p => p.Name, db).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        return new OfferFormOptions(terms, programmes.Select(p => (p.Id, p.Name)).ToList(), kept);
    }

    /// <summary>An offer with its term links (and their terms) loaded and tracked, if <paramref name="scope"/> allows it.</summary>
    public static Task<Offer?> LoadTrackedAsync(IQueryable<Offer> scope, int id, CancellationToken cancellationToken) =>
        scope.Include(o => o.Terms).ThenInclude(t => t.Term).Include(o => o.Provider).Include(o => o.Programme)
            .FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public static OfferInput FromOffer(Offer offer)
    {
        List<int> Of(TaxonomyKind kind) => offer.Terms.Where(t => t.Term?.Kind == kind && !t.Term.IsAgnostic).Select(t => t.TermId).Order().ToList();
        return new OfferInput
        {
            Name = offer.Name,
            Description = offer.Description,
            CategoryId = offer.CategoryId,
            Format = offer.Format,
            Cost = offer.Cost,
            CostDetails = offer.CostDetails,
            HowToApply = offer.HowToApply,
            Dates = offer.Dates,
            StartsOn = offer.StartsOn,
            EndsOn = offer.EndsOn,
            ApplicationDeadline = offer.ApplicationDeadline,
            Capacity = offer.Capacity,
            NextStep = offer.NextStep,
            NextStepWorkingDays = offer.NextStepWorkingDays,
            RequiredDocuments = offer.RequiredDocuments,
            ContactName = offer.ContactName,
            ContactEmail = offer.ContactEmail,
            ContactPhone = offer.ContactPhone,
            Website = offer.Website,
            ProgrammeId = offer.ProgrammeId,
            MarketIds = Of(TaxonomyKind.Market),
            StageIds = Of(TaxonomyKind.Stage),
            SectorIds = Of(TaxonomyKind.Sector),
            RegionIds = Of(TaxonomyKind.Region),
            LanguageIds = Of(TaxonomyKind.Language),
            Version = offer.Version,
        };
    }

    /// <summary>Copies a validated form onto the offer (terms as tracked entities, so links are added or removed).</summary>
    public static async Task ApplyAsync(AppDbContext db, Offer offer, OfferInput input, CancellationToken cancellationToken)
    {
        var ids = input.MarketIds.Concat(input.StageIds).Concat(input.SectorIds).Concat(input.RegionIds).Concat(input.LanguageIds).Append(input.CategoryId!.Value).ToList();
        var terms = await db.TaxonomyTerms.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        offer.Name = input.Name!.Trim();
        offer.Description = Clean(input.Description);
        offer.Category = terms[input.CategoryId.Value];
        offer.CategoryId = input.CategoryId.Value;
        offer.Format = input.Format!.Value;
        offer.Cost = input.Cost!.Value;
        offer.CostDetails = Clean(input.CostDetails);
        offer.HowToApply = Clean(input.HowToApply);
        offer.Dates = Clean(input.Dates);
        offer.StartsOn = input.StartsOn;
        offer.EndsOn = input.EndsOn;
        offer.ApplicationDeadline = input.ApplicationDeadline;
        offer.Capacity = input.Capacity;
        offer.NextStep = input.NextStep;
        offer.NextStepWorkingDays = input.NextStepWorkingDays;
        offer.RequiredDocuments = RequiredDocument.Normalise(input.RequiredDocuments);
        offer.ContactName = Clean(input.ContactName);
        offer.ContactEmail = Clean(input.ContactEmail);
        offer.ContactPhone = Clean(input.ContactPhone);
        offer.Website = Clean(input.Website);
        offer.ProgrammeId = input.ProgrammeId;
        offer.SetTerms(TaxonomyKind.Market, input.MarketIds.Select(id => terms[id]));
        offer.SetTerms(TaxonomyKind.Stage, input.StageIds.Select(id => terms[id]));
        offer.SetTerms(TaxonomyKind.Sector, input.SectorIds.Select(id => terms[id]));
        offer.SetTerms(TaxonomyKind.Region, input.RegionIds.Select(id => terms[id]));
        offer.SetTerms(TaxonomyKind.Language, input.LanguageIds.Select(id => terms[id]));
    }

    /// <summary>
    /// The form's values in words, field by field, for showing the other person's saved values after a conflict —
    /// named as the form names them, in the page's language: terms and formats by <paramref name="names"/>, cost and
    /// next step through <paramref name="t"/> (issue 14: the conflict view showed English names).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Describe(OfferInput input, OfferFormOptions options, PageTerms names, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(t);
        string Terms(List<int> ids) => names.Names(ids);
        return new Dictionary<string, string>
        {
            [nameof(OfferInput.Name)] = input.Name?.Trim() ?? "",
            [nameof(OfferInput.Description)] = input.Description?.Trim() ?? "",
            [nameof(OfferInput.CategoryId)] = input.CategoryId is { } c ? names.Of(c) : "",
            [nameof(OfferInput.Format)] = input.Format is { } f ? names.Of(f) : "",
            [nameof(OfferInput.Cost)] = input.Cost is { } cost ? t[DisplayNames.Of(cost)].Value : "",
            [nameof(OfferInput.CostDetails)] = input.CostDetails?.Trim() ?? "",
            [nameof(OfferInput.HowToApply)] = input.HowToApply?.Trim() ?? "",
            [nameof(OfferInput.Dates)] = input.Dates?.Trim() ?? "",
            [nameof(OfferInput.StartsOn)] = input.StartsOn?.ToString("yyyy-MM-dd") ?? "",
            [nameof(OfferInput.EndsOn)] = input.EndsOn?.ToString("yyyy-MM-dd") ?? "",
            [nameof(OfferInput.ApplicationDeadline)] = input.ApplicationDeadline?.ToString("yyyy-MM-dd") ?? "",
            [nameof(OfferInput.Capacity)] = input.Capacity?.ToString(System.Globalization.CultureInfo.CurrentCulture) ?? "",
            [nameof(OfferInput.NextStep)] = input.NextStep == NextStep.NotStated ? "" : t[DisplayNames.Of(input.NextStep)].Value,
            [nameof(OfferInput.NextStepWorkingDays)] = input.NextStepWorkingDays?.ToString(System.Globalization.CultureInfo.CurrentCulture) ?? "",
            [nameof(OfferInput.RequiredDocuments)] = RequiredDocument.Normalise(input.RequiredDocuments) ?? "",
            [nameof(OfferInput.ContactName)] = input.ContactName?.Trim() ?? "",
            [nameof(OfferInput.ContactEmail)] = input.ContactEmail?.Trim() ?? "",
            [nameof(OfferInput.ContactPhone)] = input.ContactPhone?.Trim() ?? "",
            [nameof(OfferInput.Website)] = input.Website?.Trim() ?? "",
            [nameof(OfferInput.ProgrammeId)] = options.Programmes.FirstOrDefault(p => p.Id == input.ProgrammeId).Name ?? "",
            [nameof(OfferInput.MarketIds)] = Terms(input.MarketIds),
            [nameof(OfferInput.StageIds)] = Terms(input.StageIds),
            [nameof(OfferInput.SectorIds)] = Terms(input.SectorIds),
            [nameof(OfferInput.RegionIds)] = Terms(input.RegionIds),
            [nameof(OfferInput.LanguageIds)] = Terms(input.LanguageIds),
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
