using MediconGlobal.Core.Security;

namespace MediconGlobal.Core.Data.Seed;

/// <summary>The demo accounts created in Development only (listed in the README).</summary>
public static class DemoAccounts
{
    public const string Password = "Medicon!Demo2026";

    public const string Admin = "admin@mediconglobal.test";
    public const string PmSmile = "pm@smile.test";
    public const string PmMva = "pm@mva.test";
    public const string AdvisorSmile = "advisor@smile.test";
    public const string AdvisorInnovationSkane = "advisor@innovationskane.test";
    public const string PartnerInnovationSkane = "partner@innovationskane.test";
    public const string PartnerDlsc = "partner@dlsc.test";
    public const string Founder = "founder@demo-startup.test";

    public const string FounderCompanyName = "Demo Startup AB";

    /// <summary>A partner staff account an administrator has locked (it cannot sign in; issue 11 item 8).</summary>
    public const string LockedPartner = "locked@mobileheights.test";

    /// <summary>An advisor invited two days ago who has not chosen a password yet (issue 11 item 8).</summary>
    public const string InvitedAdvisor = "invited@smile.test";

    /// <summary>
    /// The offer whose last review the demo data puts 13 months back: lapsed from verification, it shows "Needs
    /// verification" to its provider and on /dashboard/verification and is out of matching (ADR 1934).
    /// </summary>
    public const string LapsedOfferKey = "bs-leap";

    /// <summary>
    /// The offer whose last review the demo data puts eleven months and a week back: its provider is asked to confirm
    /// it and it still matches, in its three weeks of grace (ADR 1934).
    /// </summary>
    public const string DueOfferKey = "si-pilot";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new(Admin, "Alex Admin", Roles.Administrator, OrganisationSeed.SmiLe),
        new(PmSmile, "Petra Lind (SmiLe)", Roles.ProjectManager, OrganisationSeed.SmiLe),
        new(PmMva, "Mads Holm (MVA)", Roles.ProjectManager, OrganisationSeed.Mva),
        new(AdvisorSmile, "Sara Berg (SmiLe advisor)", Roles.Advisor, OrganisationSeed.SmiLe),
        new(AdvisorInnovationSkane, "Ivan Ek (Innovation Skåne advisor)", Roles.Advisor, OrganisationSeed.InnovationSkane),
        new(PartnerInnovationSkane, "Nora Sand (Innovation Skåne)", Roles.PartnerStaff, OrganisationSeed.InnovationSkane),
        new(PartnerDlsc, "Dorte Friis (Danish Life Science Cluster)", Roles.PartnerStaff, OrganisationSeed.Dlsc),
        new(Founder, "Frida Founder (Demo Startup AB)", Roles.Startup, OrganisationKey: null),
    ];
}

public sealed record DemoAccount(string Email, string DisplayName, string Role, string? OrganisationKey);
