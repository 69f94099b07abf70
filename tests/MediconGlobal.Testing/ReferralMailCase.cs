using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Testing;

/// <summary>
/// The records every kind of referral e-mail is written for, for the tests that check every e-mail (localisation,
/// links): a consenting SmiLe client with a legal need referred to Innovation Skåne (<paramref name="Sent"/>), a second
/// referral declined through an e-mailed link (<paramref name="Answered"/>), and a partnering referral to EEN sent by
/// e-mail to a contact without an account (<paramref name="Emailed"/>).
/// </summary>
public sealed record ReferralMailCase(Company Company, Need Need, Referral Sent, Referral Answered, Referral Emailed)
{
    /// <summary>Makes the records, referred by <paramref name="advisorId"/>; <paramref name="contactEmail"/> receives the e-mailed referral.</summary>
    public static async Task<ReferralMailCase> CreateAsync(AppDbContext db, string companyName, string advisorId, string contactEmail)
    {
        var company = await CaseBuilder.CompanyAsync(db, companyName, OrganisationSeed.SmiLe, consent: true);
        var need = await CaseBuilder.NeedAsync(db, company, "legal", "usa", DateTime.UtcNow.AddMinutes(-5));
        var sent = await CaseBuilder.ReferAsync(db, need, "is-advisory-legal", DateTime.UtcNow.AddMinutes(-2), advisorId);
        var answered = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", null, DateTime.UtcNow.AddMinutes(-5)), "is-advisory-legal", DateTime.UtcNow.AddMinutes(-1), advisorId);
        (await db.Referrals.SingleAsync(r => r.Id == answered.Id)).Decline("Not our field.", Actor.ByEmailLink("Someone"), DateTime.UtcNow);
        var emailed = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "partnering", "eu", DateTime.UtcNow.AddMinutes(-5)), "een-partnering", DateTime.UtcNow.AddMinutes(-1), advisorId);
        (await db.Referrals.SingleAsync(r => r.Id == emailed.Id)).SendByEmailTo(contactEmail);
        await db.SaveChangesAsync();
        return new ReferralMailCase(company, need, sent, answered, emailed);
    }
}
