namespace MediconGlobal.Web.Pages.Partner.Offers;

/// <summary>What the shared offer form partial needs from the create and edit pages.</summary>
public interface IOfferFormPage
{
    OfferInput Input { get; }

    OfferFormOptions Options { get; }
}

/// <summary>The publish / archive / mark-reviewed buttons of one offer, shown at <paramref name="Version"/>.</summary>
public sealed record StatusActions(int OfferId, string OfferName, MediconGlobal.Core.Domain.OfferStatus Status, int Version, bool ReturnTo);

/// <summary>What a status button posts: the version of the offer it was shown with.</summary>
public sealed class StatusInput
{
    public int Version { get; set; }
}
