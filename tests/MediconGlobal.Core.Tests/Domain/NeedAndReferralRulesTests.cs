using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Tests.Domain;

/// <summary>The state machines of needs and referrals, on plain objects.</summary>
public sealed class NeedAndReferralRulesTests
{
    private static readonly DateTime Monday = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private static Need NewNeed() =>
        new(new Company("Acme Bio", "SE"), new TaxonomyTerm(TaxonomyKind.SupportCategory, "legal", "Legal advisory"), null, "Contracts for the US.", NeedPriority.High, "u1", "Ada", Monday);

    private static (Need Need, Referral Referral) Referred()
    {
        var need = NewNeed();
        var provider = new Organisation("Innovation Skåne", OrganisationType.RegionalInnovationAgency, "SE");
        var referral = need.Refer(provider, new Offer("Legal advisory", provider, need.Category!), "Please help", "u1", "Ada", Monday);
        return (need, referral);
    }

    [Fact]
    public void Need_EveryChange_IsDatedAndAttributed()
    {
        var need = NewNeed();
        need.StartWork("u2", "Bo", Monday.AddDays(1));
        need.MarkUnmet(UnmetReason.NotAvailable, "Nothing in the catalogue", "u2", "Bo", Monday.AddDays(2));

        Assert.Equal(NeedStatus.Unmet, need.Status);
        Assert.Equal(UnmetReason.NotAvailable, need.UnmetReason);
        Assert.Equal(Monday.AddDays(2), need.ClosedAt);
        Assert.Collection(
            need.StatusHistory,
            h => Assert.Equal((null, NeedStatus.Open, "Ada"), (h.From, h.To, h.ChangedByName)),
            h => Assert.Equal((NeedStatus.Open, NeedStatus.InProgress, "Bo"), (h.From, h.To, h.ChangedByName)),
            h => Assert.Equal((NeedStatus.InProgress, NeedStatus.Unmet, Monday.AddDays(2)), (h.From, h.To, h.ChangedAt)));
    }

    [Fact]
    public void Need_ClosedNeed_CannotStartWorkOrBeReferred_UntilReopened()
    {
        var need = NewNeed();
        need.MarkMet(null, "u1", "Ada", Monday);
        var provider = new Organisation("X", OrganisationType.Incubator, "SE");

        Assert.Throws<DomainRuleException>(() => need.StartWork("u1", "Ada", Monday));
        Assert.Throws<DomainRuleException>(() => need.Refer(provider, null, null, "u1", "Ada", Monday));
        need.Reopen("More to do", "u1", "Ada", Monday);
        need.StartWork("u1", "Ada", Monday);
        Assert.Equal(NeedStatus.InProgress, need.Status);
    }

    [Fact]
    public void Referral_AcceptedThenCompleted_RecordsWhoAndWhen()
    {
        var (need, referral) = Referred();
        Assert.Equal(NeedStatus.Referred, need.Status);
        referral.Accept("Welcome", "p1", "Nora", Monday.AddDays(1));
        referral.Complete("Two advisory sessions held", null, "u1", "Ada", Monday.AddDays(9));

        Assert.Equal(ReferralStatus.Completed, referral.Status);
        Assert.Equal(("Nora", Monday.AddDays(1)), (referral.AnsweredByName, referral.AnsweredAt!.Value));
        Assert.Equal(("Ada", "Two advisory sessions held"), (referral.CompletedByName, referral.Outcome));
    }

    [Fact]
    public void Referral_StepsOutOfOrder_AreRefused()
    {
        var (_, referral) = Referred();
        Assert.Throws<DomainRuleException>(() => referral.Complete("Too early", null, "u1", "Ada", Monday));
        Assert.Throws<DomainRuleException>(() => referral.Decline(" ", "p1", "Nora", Monday));

        referral.Decline("Outside our intake", "p1", "Nora", Monday);
        Assert.Throws<DomainRuleException>(() => referral.Accept(null, "p1", "Nora", Monday));
        Assert.Throws<DomainRuleException>(() => referral.Complete("Done", null, "u1", "Ada", Monday));
    }

    [Fact]
    public void Referral_UnansweredFor14Days_IsOverdue_UntilAnswered()
    {
        var (_, referral) = Referred();
        Assert.False(referral.IsOverdue(Monday.AddDays(14)));
        Assert.True(referral.IsOverdue(Monday.AddDays(14).AddMinutes(1)));

        referral.Accept(null, "p1", "Nora", Monday.AddDays(20));
        Assert.False(referral.IsOverdue(Monday.AddDays(30)));
    }

    [Fact]
    public void Need_SecondActiveReferralToTheSameOffer_IsRefused()
    {
        var need = NewNeed();
        var provider = new Organisation("Innovation Skåne", OrganisationType.RegionalInnovationAgency, "SE");
        var offer = new Offer("Legal advisory", provider, need.Category!);
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(offer, 7);
        need.Refer(provider, offer, null, "u1", "Ada", Monday);

        Assert.Throws<DomainRuleException>(() => need.Refer(provider, offer, null, "u1", "Ada", Monday));
    }
}
