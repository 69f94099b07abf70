using Microsoft.AspNetCore.Identity;

namespace MediconGlobal.Core.Domain;

/// <summary>A person who signs in. Staff belong to one organisation; a startup user belongs to one company.</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>Longest culture name stored (BCP 47 tags like "nb" or "en-GB" are far shorter).</summary>
    public const int CultureLength = 16;

    public string DisplayName { get; set; } = "";

    public int? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public int? CompanyId { get; set; }

    public Company? Company { get; set; }

    /// <summary>
    /// The company a founder registered with, held on the account until the founder proves the address (ADR 1216):
    /// <see cref="Accounts.FounderRegistration.ClaimPendingCompanyAsync"/> then creates it. Null once created, and for
    /// every other account.
    /// </summary>
    public string? PendingCompanyName { get; set; }

    /// <summary>The pending company's country (ISO 3166-1 alpha-2, as <see cref="Company.CountryCode"/>).</summary>
    public string? PendingCompanyCountry { get; set; }

    /// <summary>The incubator the founder chose for the pending company; checked again when the company is created.</summary>
    public int? PendingHomeIncubatorId { get; set; }

    /// <summary>A founder's account: it has a company, or holds one until the address is confirmed (ADR 1216). Never staff.</summary>
    public bool IsFounder => CompanyId is not null || PendingCompanyName is not null;

    /// <summary>When the user last opened their notifications; what changed after it is "new".</summary>
    public DateTime? NotificationsSeenAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// When an administrator deactivated the account (UTC): it can no longer sign in, and everything it did stays
    /// attributed to it. Null for active accounts.
    /// </summary>
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>When the last invitation e-mail was sent (UTC); null for accounts that were not invited.</summary>
    public DateTime? InvitationSentAt { get; set; }

    /// <summary>How many days an invitation link works after it was sent (issue 11 item 1, ADR 1104).</summary>
    public const int InvitationLifespanDays = 7;

    /// <summary>An invited person who has not yet set a password.</summary>
    public bool IsInvitationPending => InvitationSentAt is not null && PasswordHash is null && DeactivatedAt is null;

    /// <summary>
    /// When the last invitation's link stops working (UTC): <see cref="InvitationSentAt"/> plus
    /// <see cref="InvitationLifespanDays"/> days; null for accounts that were not invited.
    /// </summary>
    public DateTime? InvitationExpiresAt => InvitationSentAt?.AddDays(InvitationLifespanDays);

    /// <summary>
    /// A pending invitation whose link is too old at <paramref name="utcNow"/>, by the portal's clock (ADR 1104):
    /// the person needs a new link, which "send again" gives.
    /// </summary>
    public bool InvitationHasExpired(DateTime utcNow) => IsInvitationPending && utcNow >= InvitationExpiresAt;

    /// <summary>The language chosen with the portal's language switch (a culture name, e.g. "sv"); null until one is chosen.</summary>
    public string? PreferredCulture { get; set; }
}
