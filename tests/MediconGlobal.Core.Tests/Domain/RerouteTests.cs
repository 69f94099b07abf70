using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Tests.Domain;

/// <summary>Closing a referral as "no answer" and re-routing the need (issue 19 item 2, ADR 1762), with plain objects.</summary>
public sealed class RerouteTests
{
    private static readonly DateTime Start = new(2027, 6, 24, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Advisor = new("advisor-1", "Sara");

    private readonly Organisation _quiet = new("Quiet Agency", OrganisationType.NationalAgency, "SE");
    private readonly Organisation _next = new("Next Network", OrganisationType.EuNetwork, "DK");
    private readonly TaxonomyTerm _partnering = new(TaxonomyKind.SupportCategory, "partnering", "Partnering");

    [Fact]
    public void Overdue_AtTheDueTime_Escalated_AtTwiceThePromise()
    {
        var (_, referral) = Referred();

        Assert.False(referral.IsOverdue(Due.AnswerDueAt));
        Assert.True(referral.IsOverdue(Due.AnswerDueAt.AddTicks(1)));
        Assert.False(referral.IsEscalated(Due.EscalatesAt));
        Assert.True(referral.IsEscalated(Due.EscalatesAt.AddTicks(1)));
    }

    [Fact]
    public void CloseUnanswered_BeforeTwiceThePromise_IsRefused()
    {
        var (_, referral) = Referred();

        Assert.Throws<DomainRuleException>(() => referral.CloseUnanswered(Advisor, Due.EscalatesAt));
        Assert.Equal(ReferralStatus.Sent, referral.Status);
    }

    [Fact]
    public void CloseUnanswered_AnAnsweredReferral_IsRefused()
    {
        var (_, referral) = Referred();
        referral.Accept(null, new Actor("p", "Partner"), Start.AddHours(1));

        Assert.Throws<DomainRuleException>(() => referral.CloseUnanswered(Advisor, Due.EscalatesAt.AddDays(1)));
        Assert.Equal(ReferralStatus.Accepted, referral.Status);
    }

    [Fact]
    public void Reroute_ClosesAsNoAnswer_RefersTheNextOffer_AndTheNeedKeepsItsHistory()
    {
        var (need, first) = Referred();
        var later = Due.EscalatesAt.AddHours(1);
        var nextDue = new ResponseDue(3, later.AddDays(3), later.AddDays(6));

        var second = need.Reroute(first, new Offer("Partner search", _next, _partnering), "Over to you", nextDue, Advisor, later);

        Assert.Equal((ReferralStatus.Unanswered, later), (first.Status, first.ClosedUnansweredAt));
        Assert.False(first.IsActive);
        Assert.Equal((ReferralStatus.Sent, 3, nextDue.AnswerDueAt), (second.Status, second.PromisedWorkingDays, second.AnswerDueAt));
        Assert.Equal(NeedStatus.Referred, need.Status);
        Assert.Equal(2, need.Referrals.Count);
        var step = need.StatusHistory.Last();
        Assert.Equal((NeedStatus.Referred, NeedStatus.Referred, later), (step.From, step.To, step.ChangedAt));
        Assert.Equal("No answer from Quiet Agency; re-routed to Next Network", step.Note);
    }

    [Fact]
    public void Reroute_ToTheOrganisationThatDidNotAnswer_IsRefused()
    {
        var (need, first) = Referred();

        Assert.Throws<DomainRuleException>(() => need.Reroute(first, new Offer("Another quiet offer", _quiet, _partnering), null, Due, Advisor, Due.EscalatesAt.AddHours(1)));
        Assert.Equal(ReferralStatus.Sent, first.Status);
        Assert.Single(need.Referrals);
    }

    private static ResponseDue Due => new(2, Start.AddDays(5), Start.AddDays(7));

    private (Need Need, Referral Referral) Referred()
    {
        var need = new Need(new Company("Aurora Biologics", "SE"), _partnering, null, "A partner in Germany", NeedPriority.High, Advisor, Start.AddDays(-1));
        var referral = need.Refer(_quiet, new Offer("Quiet offer", _quiet, _partnering), null, Advisor, Start, Due);
        return (need, referral);
    }
}
