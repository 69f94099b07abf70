using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Programmes;

/// <summary>
/// The programme and activity forms keep the line breaks a browser posts from their text areas (CR LF, stored as LF): the
/// programme form refused them, so the seeded "Medicon Valley Going Global" could not be saved unchanged and no
/// programme could have more than one link. <c>TextAreasTests</c> finds every text area of its kind.
/// </summary>
public sealed class LineBreaksTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task ProgrammeForm_SavesTextsOfSeveralLines_AndEveryLink()
    {
        var manager = await _portal.SignedInClientAsync($"pm-{Guid.NewGuid():N}@test.example", Roles.ProjectManager, OrganisationSeed.SmiLe);
        var programme = await _portal.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.SeedKey == ProgrammeSeed.GoingGlobal));
        Assert.Contains('\n', programme.Activities ?? "");
        var form = await manager.GetPageAsync($"/programmes/{programme.Id}/edit");

        var response = await manager.SubmitAsync(form, "main form[method='post']", new Dictionary<string, string>
        {
            ["Input.Activities"] = programme.Activities!.ReplaceLineEndings("\r\n"),
            ["Input.Description"] = "First paragraph.\r\n\r\nSecond paragraph.",
            ["Input.TargetGroup"] = "Startups\r\nScale-ups",
            ["Input.Geography"] = "Skåne\r\nZealand",
            ["Input.LessonsLearned"] = "One.\r\nTwo.",
            ["Input.Links"] = "https://one.example/\r\nhttps://two.example/",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _portal.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programme.Id));
        Assert.Equal(programme.Activities!.ReplaceLineEndings("\n"), saved.Activities);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", saved.Description);
        Assert.Equal(["https://one.example/", "https://two.example/"], saved.Links!.Split('\n', StringSplitOptions.TrimEntries));
        var page = await manager.GetPageAsync($"/programmes/{programme.Id}");
        Assert.NotNull(page.QuerySelector("a[href='https://two.example/']"));
    }

    [Fact]
    public async Task ActivityForm_SavesADescriptionAndOutcomeOfSeveralLines()
    {
        var manager = await _portal.SignedInClientAsync($"pm-{Guid.NewGuid():N}@test.example", Roles.ProjectManager, OrganisationSeed.SmiLe);
        var programmeId = await _portal.WithDbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.GoingGlobal).Select(p => p.Id).SingleAsync());
        var topic = $"Webinar {Guid.NewGuid():N}";

        var response = await manager.SubmitAsync(await manager.GetPageAsync($"/programmes/{programmeId}/activities/new"), "#activity-form", new Dictionary<string, string>
        {
            ["Input.Topic"] = topic,
            ["Input.Kind"] = nameof(ActivityKind.Webinar),
            ["Input.Date"] = "2024-03-14",
            ["Input.Description"] = "Agenda:\r\n1. FDA\r\n2. CE marking",
            ["Input.Outcome"] = "Good.\r\nMore next year.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _portal.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Name == topic));
        Assert.Equal(("Agenda:\n1. FDA\n2. CE marking", "Good.\nMore next year."), (saved.Description, saved.Outcome));
    }
}
