using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Tests.Domain;

/// <summary>Rules of needs beyond <see cref="NeedAndReferralTests"/>: attribution of every step, no duplicate active referral.</summary>
public sealed class NeedAndReferralRulesTests
{
    private static readonly DateTime Monday = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private static Need NewNeed() =>
        new(new Company("Acme Bio", "SE"), new TaxonomyTerm(TaxonomyKind.SupportCategory, "legal", "Legal advisory"), null, "Contracts for the US.", NeedPriority.High, new Actor("u1", "Ada"), Monday);

    [Fact]
    public void Need_EveryChange_IsDatedAndAttributed()
    {
        var need = NewNeed();
        need.StartWork(new Actor("u2", "Bo"), Monday.AddDays(1));
        need.MarkUnmet(UnmetReason.NotAvailable, "Nothing in the catalogue", new Actor("u2", "Bo"), Monday.AddDays(2));

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
    public void Need_SecondActiveReferralToTheSameOffer_IsRefused()
    {
        var need = NewNeed();
        var provider = new Organisation("Innovation Skåne", OrganisationType.RegionalInnovationAgency, "SE");
        var offer = new Offer("Legal advisory", provider, need.Category!);
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(offer, 7);
        need.Refer(provider, offer, null, new Actor("u1", "Ada"), Monday);

        Assert.Throws<DomainRuleException>(() => need.Refer(provider, offer, null, new Actor("u1", "Ada"), Monday));
    }
}
