using MediconGlobal.Core.Data;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.MyCompany;

/// <summary>
/// The e-mails to a company's advisors when its founder acts on <c>/my-company</c> (issue 17 item 5): consent
/// withdrawn, a correction proposed. Like every portal e-mail they do not name the company (mail leaves the portal's
/// access control); they link, from <c>Portal:PublicUrl</c> (<see cref="MailLinks"/>), to the client's page. Recipients:
/// <see cref="MailRecipients.CompanyAdvisorsAsync"/>; each e-mail in its recipient's language (<see cref="MailCulture"/>).
/// </summary>
public sealed class CompanyMail(AppDbContext db, MailLinks links, MailCulture culture, IStringLocalizer<SharedResource> t)
{
    /// <summary>After a withdrawal of consent: partners no longer see who the company is.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> ConsentWithdrawnAsync(int companyId, CancellationToken cancellationToken)
    {
        var link = links.Page("/Clients/Details", new { id = companyId }, fragment: "consent");
        return (await MailRecipients.CompanyAdvisorsAsync(db, companyId, cancellationToken)).Select(to => culture.Compose(to, () => new OutgoingMail(to.Email,
            t["A client withdrew its consent to share data"],
            t["One of your client companies has withdrawn its consent to share its data with partner organisations. From now on, organisations it is referred to see its needs without its name.\n\nOpen the client: {0}", link]))).ToList();
    }

    /// <summary>After a founder proposed a correction of the company's profile.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> CorrectionProposedAsync(int companyId, CancellationToken cancellationToken)
    {
        var link = links.Page("/Clients/Details", new { id = companyId }, fragment: "corrections");
        return (await MailRecipients.CompanyAdvisorsAsync(db, companyId, cancellationToken)).Select(to => culture.Compose(to, () => new OutgoingMail(to.Email,
            t["A client proposed a correction of its profile"],
            t["A founder of one of your client companies has proposed a correction of the company's profile. Please accept or decline it.\n\nOpen the client: {0}", link]))).ToList();
    }
}
