using MediconGlobal.Core.Auditing;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Auditing;

/// <summary>The history view reads the audit log's field-level changes (issue 11, item 4).</summary>
public sealed class ChangeHistoryTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OfferHistory_ShowsWhoChangedWhichField_AndTermLinksByName(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        int offerId;
        await using (var db = database.CreateContext())
        {
            var offer = await db.Offers.Include(o => o.Terms).ThenInclude(t => t.Term).FirstAsync(o => o.SeedKey == "is-deep-tech");
            offerId = offer.Id;
            database.User.UserName = "nora@innovationskane.test";
            database.Clock.Advance(TimeSpan.FromHours(1));
            offer.HowToApply = "Book a call.";
            offer.SetTerms(TaxonomyKind.Market, [await db.TaxonomyTerms.SingleAsync(t => t.Kind == TaxonomyKind.Market && t.Code == "japan")]);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var history = await new ChangeHistory(read).LoadAsync(HistorySubject.Offer, offerId);

        var change = history.First(h => h.Part == nameof(Offer) && h.Action == "Modified");
        Assert.Equal("nora@innovationskane.test", change.By);
        Assert.Equal(database.Clock.Now.UtcDateTime, change.At);
        var field = Assert.Single(change.Changes, c => c.Field == "How to apply");
        Assert.Equal("Book a call.", field.New.Text);
        Assert.Contains(history, h => h.Part == nameof(OfferTerm) && h.Action == "Added" && h.Changes.Any(c => c.New.Text == "Japan (Market)"));
        Assert.Contains(history, h => h.Part == nameof(Offer) && h.Action == "Added");
    }

    /// <summary>The audit log stores enums as numbers; the history shows them in the forms' English words, as keys the page translates (issue 14).</summary>
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OfferAndProgrammeHistory_ShowEnumValuesInWordsForThePageToTranslate_NotAsNumbers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        int offerId, programmeId;
        await using (var db = database.CreateContext())
        {
            var offer = await db.Offers.FirstAsync(o => o.SeedKey == "is-test-beds");
            var programme = await db.Programmes.SingleAsync(p => p.ReferenceNumber == "2022-01443");
            (offerId, programmeId) = (offer.Id, programme.Id);
            (offer.Format, offer.Cost) = (OfferFormat.Workshop, CostType.Free);
            programme.Status = programme.Status == ProgrammeStatus.Planned ? ProgrammeStatus.Active : ProgrammeStatus.Planned;
            programme.FundingCurrency = programme.FundingCurrency == Currency.EUR ? Currency.SEK : Currency.EUR;
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var offerChanges = (await new ChangeHistory(read).LoadAsync(HistorySubject.Offer, offerId)).First(h => h.Action == "Modified").Changes;
        var programmeChanges = (await new ChangeHistory(read).LoadAsync(HistorySubject.Programme, programmeId)).First(h => h.Action == "Modified").Changes;

        var format = Assert.Single(offerChanges, c => c.Field == "Format");
        Assert.Equal((new HistoryValue("Test bed", IsKey: true), new HistoryValue("Workshop", IsKey: true)), (format.Old, format.New));
        Assert.Equal(new HistoryValue("Free", IsKey: true), Assert.Single(offerChanges, c => c.Field == "Cost").New);
        Assert.True(Assert.Single(programmeChanges, c => c.Field == "Status").New is { IsKey: true, Text: "Planned" or "Active" });
        Assert.True(Assert.Single(programmeChanges, c => c.Field == HistoryLabels.Of(nameof(Programme.FundingCurrency))).New is { IsKey: false, Text: "EUR" or "SEK" });
    }

    [Fact]
    public async Task ProgrammeHistory_IncludesRemovedIndicators_AndNotOtherProgrammes()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        int programmeId, otherId;
        await using (var db = database.CreateContext())
        {
            var programme = await db.Programmes.Include(p => p.Indicators).SingleAsync(p => p.ReferenceNumber == "2022-01443");
            otherId = await db.Programmes.Where(p => p.Id != programme.Id).Select(p => p.Id).FirstAsync();
            programmeId = programme.Id;
            programme.Indicators.Remove(programme.Indicators.First());
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var history = await new ChangeHistory(read).LoadAsync(HistorySubject.Programme, programmeId);
        var other = await new ChangeHistory(read).LoadAsync(HistorySubject.Programme, otherId);

        Assert.Contains(history, h => h.Part == nameof(ProgrammeIndicator) && h.Action == "Deleted");
        Assert.Contains(history, h => h.Part == nameof(ProgrammeIndicator) && h.Action == "Added");
        Assert.DoesNotContain(other, h => h.Part == nameof(ProgrammeIndicator) && h.Action == "Deleted");
    }

    [Theory]
    [InlineData("HowToApply", "How to apply")]
    [InlineData("ProviderId", "Provider")]
    [InlineData("Name", "Name")]
    [InlineData("LockoutEnd", "Locked out until")]
    [InlineData("FundingAmountMinor", "Funding amount")]
    public void FieldName_IsReadableEnglish(string property, string expected) => Assert.Equal(expected, ChangeHistory.FieldName(property));

    /// <summary>
    /// Every field a history can show is named in <see cref="HistoryLabels"/>, so the key tool lists it and Swedish and
    /// Danish pages never show a name made up from a property added later (issue 14).
    /// </summary>
    [Fact]
    public async Task EveryAuditedFieldOfARecordWithAHistory_HasAName()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        Type[] withHistory = [typeof(Offer), typeof(OfferTerm), typeof(Organisation), typeof(OrganisationTerm), typeof(OrganisationContact),
            typeof(Programme), typeof(ProgrammePartner), typeof(ProgrammeIndicator), typeof(Company), typeof(CompanyTerm), typeof(CompanyAdvisor)];
        // Never shown: keys, bookkeeping, the owner's own key, and what the audit leaves out.
        string[] notShown = ["Id", "Version", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "SearchText", "SeedKey", "IsFictional", nameof(Offer.ContentChangedAt), nameof(Offer.LastReviewedByUserId), nameof(Offer.VerificationRequestedAt), nameof(OfferTerm.OfferId)];

        var unnamed = withHistory
            .SelectMany(type => db.Model.FindEntityType(type)!.GetProperties().Select(p => $"{type.Name}.{p.Name}"))
            .Where(name => !notShown.Contains(name.Split('.')[1]) && HistoryLabels.Of(name.Split('.')[1]) is null)
            .ToList();

        Assert.True(unnamed.Count == 0, "Name these fields in HistoryLabels: " + string.Join(", ", unnamed));
    }
}
