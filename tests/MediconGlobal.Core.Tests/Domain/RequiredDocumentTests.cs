using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Tests.Domain;

/// <summary>An offer's "documents to prepare" as lines of text and as HSDS required_document records (ADR 1791).</summary>
public sealed class RequiredDocumentTests
{
    [Fact]
    public void Lines_BecomeDocuments_ALastWordThatIsAWebAddressBecomesTheirLink_BlankLinesAndSpacesGo()
    {
        var documents = RequiredDocument.Parse("  Pitch deck (10 slides) – https://example.org/pitch \r\n\r\nCV of the founders\nhttps://example.org/form\nIP plan: ftp://example.org/x\n");

        Assert.Equal(
            [
                new RequiredDocument("Pitch deck (10 slides)", "https://example.org/pitch"),
                new RequiredDocument("CV of the founders", null),
                new RequiredDocument("https://example.org/form", "https://example.org/form"),
                new RequiredDocument("IP plan: ftp://example.org/x", null),
            ],
            documents);
        Assert.Equal("Pitch deck (10 slides) https://example.org/pitch\nCV of the founders\nhttps://example.org/form\nIP plan: ftp://example.org/x", RequiredDocument.Join(documents));
        Assert.Equal(documents, RequiredDocument.Parse(RequiredDocument.Join(documents)));
    }

    [Fact]
    public void NothingWritten_IsNoDocuments_AndTheLimitsAreCountedPerDocument()
    {
        Assert.Empty(RequiredDocument.Parse(null));
        Assert.Empty(RequiredDocument.Parse(" \n \r\n"));
        Assert.Null(RequiredDocument.Join([]));
        Assert.True(RequiredDocument.FitsCount(string.Join("\n", Enumerable.Repeat("Plan", RequiredDocument.MaxCount))));
        Assert.False(RequiredDocument.FitsCount(string.Join("\n", Enumerable.Repeat("Plan", RequiredDocument.MaxCount + 1))));
        Assert.True(RequiredDocument.FitsLength(new string('a', RequiredDocument.MaxLength) + " https://example.org/long-links-do-not-count"));
        Assert.False(RequiredDocument.FitsLength(new string('a', RequiredDocument.MaxLength + 1)));
    }
}
