using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Programmes;

/// <summary>What the shared programme fields (<c>_ProgrammeFields</c>) need from the page that shows them.</summary>
public interface IProgrammeFormPage
{
    ProgrammeInput Input { get; }

    /// <summary>Every organisation, by name: lead, funder and partner choices.</summary>
    IReadOnlyList<(int Id, string Name)> Organisations { get; }
}

public static class ProgrammeForm
{
    public static async Task<IReadOnlyList<(int Id, string Name)>> OrganisationsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.Organisations.AsNoTracking().OrderByName(o => o.Name, db).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();

    /// <summary>
    /// Validates the form (and what model binding could not read, such as letters in a number field) into
    /// <paramref name="modelState"/>; true when it can be saved.
    /// </summary>
    public static bool Validate(ProgrammeInput input, IReadOnlyList<(int Id, string Name)> organisations, Programme? programme, ModelStateDictionary modelState)
    {
        var validation = new ProgrammeInputValidator(
            organisations.Select(o => o.Id).ToHashSet(),
            (programme?.Indicators.Select(i => i.Id) ?? []).ToHashSet()).Validate(input);
        validation.AddToModelState(modelState, "Input");
        return validation.IsValid && modelState.IsValid;
    }
}
