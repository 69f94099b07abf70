namespace MediconGlobal.Web.Pages.Partner.Offers;

/// <summary>What the shared offer form partial needs from the create and edit pages.</summary>
public interface IOfferFormPage
{
    OfferInput Input { get; }

    OfferFormOptions Options { get; }

    /// <summary>After a conflict: the other person's saved value of each field that differs from the form.</summary>
    IReadOnlyDictionary<string, string> Theirs { get; }
}

/// <summary>The publish / archive / mark-reviewed buttons of one offer.</summary>
public sealed record StatusActions(int OfferId, string OfferName, MediconGlobal.Core.Domain.OfferStatus Status, bool ReturnTo);
