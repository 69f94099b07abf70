using Microsoft.AspNetCore.Identity;

namespace MediconGlobal.Core.Domain;

/// <summary>A person who signs in. Staff belong to one organisation; a startup user belongs to one company.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public int? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public int? CompanyId { get; set; }

    public Company? Company { get; set; }

    /// <summary>When the user last opened their notifications; what changed after it is "new".</summary>
    public DateTime? NotificationsSeenAt { get; set; }

    public DateTime CreatedAt { get; set; }
}
