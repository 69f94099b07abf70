using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Areas.Identity;

/// <summary>
/// Identity's data-protection token provider with its own name and lifespan for invitation links (issue 11 item 1):
/// a token carries the account's security stamp, so it is single-use (setting the password renews the stamp) and
/// dies when an invitation is sent again or cancelled; it expires after <see cref="LifespanDays"/> days, longer
/// than a password-reset link because an invitation may wait for someone's return from leave.
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";

    public const string Purpose = "AcceptInvitation";

    /// <summary>
    /// How long an invitation link works; the same days as the account's own expiry
    /// (<see cref="ApplicationUser.InvitationHasExpired"/>), which the accepting page checks against the portal's
    /// clock, so the token's lifespan is only a second lock.
    /// </summary>
    public const int LifespanDays = ApplicationUser.InvitationLifespanDays;
}

/// <summary>The options of <see cref="InvitationTokenProvider"/>: its own name and a lifespan of <see cref="InvitationTokenProvider.LifespanDays"/> days.</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromDays(InvitationTokenProvider.LifespanDays);
    }
}
