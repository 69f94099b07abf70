using MediconGlobal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace MediconGlobal.Web.Pages.Clients;

/// <summary>What the shared client-profile fields (<c>_CompanyFields</c>) need from the page showing them.</summary>
public interface ICompanyForm
{
    CompanyInput Input { get; }

    TermOptions Options { get; }

    /// <summary>Incubators to choose from; empty for advisors, whose clients always belong to their own organisation.</summary>
    IReadOnlyList<SelectListItem> Incubators { get; }
}
