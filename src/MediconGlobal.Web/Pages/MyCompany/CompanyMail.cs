using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.MyCompany;

/// <summary>
/// The e-mails to a company's advisors when its founder acts on <c>/my-company</c> (issue 17 item 5): consent
/// withdrawn, a correction proposed. Like every portal e-mail they do not name the company (mail leaves the portal's
/// access control); they link, from <c>Portal:PublicUrl</c>, to the client's page. Recipients:
/// <see cref="CompanyCorrections.AdvisorAddressesAsync"/>. Texts through the localiser.
/// </summary>
public sealed class CompanyMail(AppDbContext db, PortalLinks links, IStringLocalizer<SharedResource> t)
{
    /// <summary>After a withdrawal of consent: partners no longer see who the company is.</summary>
    public Task<IReadOnlyList<OutgoingMail>> ConsentWithdrawnAsync(int companyId, CancellationToken cancellationToken) =>
        ToAdvisorsAsync(companyId, t["A client withdrew its consent to share data"],
            t["One of your client companies has withdrawn its consent to share its data with partner organisations. From now on, organisations it is referred to see its needs without its name.\n\nOpen the client: {0}", links.Absolute($"/clients/{companyId}#consent")],
            cancellationToken);

    /// <summary>After a founder proposed a correction of the company's profile.</summary>
    public Task<IReadOnlyList<OutgoingMail>> CorrectionProposedAsync(int companyId, CancellationToken cancellationToken) =>
        ToAdvisorsAsync(companyId, t["A client proposed a correction of its profile"],
            t["A founder of one of your client companies has proposed a correction of the company's profile. Please accept or decline it.\n\nOpen the client: {0}", links.Absolute($"/clients/{companyId}#corrections")],
            cancellationToken);

    private async Task<IReadOnlyList<OutgoingMail>> ToAdvisorsAsync(int companyId, string subject, string body, CancellationToken cancellationToken) =>
        (await CompanyCorrections.AdvisorAddressesAsync(db, companyId, cancellationToken)).Select(to => new OutgoingMail(to, subject, body)).ToList();
}
