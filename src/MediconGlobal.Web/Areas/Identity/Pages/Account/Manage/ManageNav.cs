namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The sections of "Your account"; a page says which one it belongs to with <c>ViewData["ActivePage"]</c>.</summary>
public static class ManageNav
{
    public const string Profile = nameof(Profile);
    public const string Email = nameof(Email);
    public const string Password = nameof(Password);
    public const string TwoFactor = nameof(TwoFactor);
    public const string PersonalData = nameof(PersonalData);

    /// <summary>A founder's saved searches and alerts (<c>/saved-searches</c>, outside the Identity area; ADR 1760).</summary>
    public const string SavedSearches = nameof(SavedSearches);
}
