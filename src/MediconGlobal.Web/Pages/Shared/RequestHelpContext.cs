namespace MediconGlobal.Web.Pages.Shared;

/// <summary>
/// What the "request help" slot knows about where the founder is: the offer they are looking at (offer page) or
/// the answers they gave (guided path). Rendered by <c>Shared/_RequestHelp.cshtml</c>.
/// </summary>
public sealed record RequestHelpContext(
    int? OfferId = null,
    string? OfferName = null,
    int? CategoryId = null,
    int? MarketId = null);
