namespace MediconGlobal.Core.Domain;

/// <summary>An offer a signed-in founder saved to their shortlist. Anonymous visitors keep theirs in a cookie.</summary>
public class ShortlistItem
{
    private ShortlistItem()
    {
    }

    public ShortlistItem(string userId, int offerId, DateTime addedAt)
    {
        UserId = userId;
        OfferId = offerId;
        AddedAt = addedAt;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public int OfferId { get; private set; }

    public Offer? Offer { get; private set; }

    public DateTime AddedAt { get; private set; }
}
