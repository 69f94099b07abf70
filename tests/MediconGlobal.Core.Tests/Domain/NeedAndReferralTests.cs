using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Tests.Domain;

public sealed class NeedAndReferralTests
{
    private static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly Organisation _incubator = new("SmiLe Incubator", OrganisationType.Incubator, "SE");
    private readonly Organisation _provider = new("Innovation Skåne", OrganisationType.RegionalInnovationAgency, "SE");
    private readonly TaxonomyTerm _legal = new(TaxonomyKind.SupportCategory, "legal", "Legal advisory");
    private readonly TaxonomyTerm _usa = new(TaxonomyKind.Market, "usa", "USA");

    [Fact]
    public void NewNeed_IsOpen_WithItsFirstHistoryStep()
    {
        var need = NewNeed();

        Assert.Equal(NeedStatus.Open, need.Status);
        var step = Assert.Single(need.StatusHistory);
        Assert.Equal((null, NeedStatus.Open, "advisor-1", Start), (step.From, step.To, step.ChangedByUserId, step.ChangedAt));
    }

    [Fact]
    public void Refer_MovesTheNeedToReferred_AndSendsTheReferral()
    {
        var need = NewNeed();

        var referral = need.Refer(_provider, null, "Please help", new Actor("advisor-1", "Sara"), Start.AddDays(1));

        Assert.Equal(NeedStatus.Referred, need.Status);
        Assert.Equal(ReferralStatus.Sent, referral.Status);
        Assert.Equal(Start.AddDays(1), referral.SentAt);
        Assert.Equal([NeedStatus.Open, NeedStatus.Referred], need.StatusHistory.Select(h => h.To));
    }

    [Fact]
    public void MarkUnmet_RecordsTheReasonAndClosesTheNeed()
    {
        var need = NewNeed();

        need.MarkUnmet(UnmetReason.NotAvailable, "Nothing in the catalogue", new Actor("advisor-1", "Sara"), Start.AddDays(2));

        Assert.Equal((NeedStatus.Unmet, UnmetReason.NotAvailable, Start.AddDays(2)), (need.Status, need.UnmetReason, need.ClosedAt));
    }

    [Fact]
    public void ClosedNeed_CannotBeReferredOrClosedAgain_UntilReopened()
    {
        var need = NewNeed();
        need.MarkMet(null, new Actor("advisor-1", "Sara"), Start.AddDays(1));

        Assert.Throws<DomainRuleException>(() => need.Refer(_provider, null, null, new Actor("advisor-1", "Sara"), Start.AddDays(2)));
        Assert.Throws<DomainRuleException>(() => need.Withdraw(null, new Actor("advisor-1", "Sara"), Start.AddDays(2)));

        need.Reopen("New information", new Actor("advisor-1", "Sara"), Start.AddDays(3));
        Assert.Equal(NeedStatus.Open, need.Status);
        Assert.Null(need.ClosedAt);
    }

    [Fact]
    public void Referral_FollowsSentAcceptedCompleted()
    {
        var referral = NewNeed().Refer(_provider, null, null, new Actor("advisor-1", "Sara"), Start);

        referral.Accept("Welcome", new Actor("partner-1", "Nora"), Start.AddDays(2));
        referral.Complete("Advice given", "Very useful", new Actor("advisor-1", "Sara"), Start.AddDays(10));

        Assert.Equal(ReferralStatus.Completed, referral.Status);
        Assert.Equal((Start.AddDays(2), "partner-1", Start.AddDays(10), "Advice given"), (referral.AnsweredAt, referral.AnsweredByUserId, referral.CompletedAt, referral.Outcome));
    }

    [Fact]
    public void Referral_RefusesInvalidSteps()
    {
        var referral = NewNeed().Refer(_provider, null, null, new Actor("advisor-1", "Sara"), Start);

        Assert.Throws<DomainRuleException>(() => referral.Complete("Done", null, new Actor("advisor-1", "Sara"), Start));
        Assert.Throws<DomainRuleException>(() => referral.Decline(" ", new Actor("partner-1", "Nora"), Start));

        referral.Decline("Outside our remit", new Actor("partner-1", "Nora"), Start.AddDays(1));
        Assert.Throws<DomainRuleException>(() => referral.Accept(null, new Actor("partner-1", "Nora"), Start.AddDays(2)));
        Assert.Equal(ReferralStatus.Declined, referral.Status);
    }

    [Fact]
    public void Referral_UnansweredForFourteenDays_IsOverdue()
    {
        var referral = NewNeed().Refer(_provider, null, null, new Actor("advisor-1", "Sara"), Start);

        Assert.False(referral.IsOverdue(Start.AddDays(14)));
        Assert.True(referral.IsOverdue(Start.AddDays(14).AddMinutes(1)));

        referral.Accept(null, new Actor("partner-1", "Nora"), Start.AddDays(15));
        Assert.False(referral.IsOverdue(Start.AddDays(30)));
    }

    [Fact]
    public void Consent_IsGivenAndWithdrawn_WithAnAppendOnlyHistory()
    {
        var company = new Company("Aurora Biologics", "SE");

        company.GiveConsent("Share with referral partners", new Actor("advisor-1", "Sara"), Start);
        company.WithdrawConsent("Founder asked", new Actor("advisor-1", "Sara"), Start.AddDays(5));

        Assert.False(company.SharesDataWithPartners);
        Assert.Equal([true, false], company.ConsentRecords.Select(r => r.Given));
        Assert.Throws<DomainRuleException>(() => company.WithdrawConsent(null, new Actor("advisor-1", "Sara"), Start.AddDays(6)));
    }

    [Fact]
    public void PartnershipStatus_KeepsADatedAttributedHistory()
    {
        _provider.ChangePartnershipStatus(PartnershipStatus.Contacted, "First meeting", new Actor("pm-1", "Petra"), Start);
        _provider.ChangePartnershipStatus(PartnershipStatus.Engaged, null, new Actor("pm-1", "Petra"), Start.AddDays(7));

        Assert.Equal(PartnershipStatus.Engaged, _provider.PartnershipStatus);
        Assert.Equal([(PartnershipStatus?)PartnershipStatus.Mapped, PartnershipStatus.Contacted], _provider.PartnershipHistory.Select(h => h.From));
    }

    private Need NewNeed() =>
        new(new Company("Aurora Biologics", "SE") { HomeIncubator = _incubator }, _legal, _usa, "FDA counsel", NeedPriority.High, new Actor("advisor-1", "Sara"), Start);
}
