using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MediconGlobal.Core.Data;

/// <summary>
/// The single row of table <c>DataVersions</c> (<see cref="Id"/> 1): counters that database triggers raise in the
/// same transaction as every insert, update or delete of the tables a kept read model is made of (migration
/// <c>20261214000001_DataVersions</c>, ADR 1201). Written only by the triggers, so no write path — a form, the
/// importer, a bulk insert, a hand-typed SQL statement — can change the data without the counter moving.
/// </summary>
public sealed class DataVersionRow
{
    /// <summary>Always 1: the one row.</summary>
    public int Id { get; private set; }

    /// <summary>Raised by changes of Offers, OfferTerms, TaxonomyTerms, Organisations and Programmes.</summary>
    public long Catalogue { get; private set; }

    /// <summary>Raised by changes of Needs and Companies.</summary>
    public long Needs { get; private set; }

    /// <summary>
    /// Raised by what the collaboration network is drawn from: Organisations, Programmes, ProgrammePartners,
    /// referrals added, removed or moved to another need or organisation, a company's home incubator, a need's company.
    /// </summary>
    public long Network { get; private set; }

    /// <summary>
    /// Raised by every change of Companies, Needs and Referrals, a referral's answer included (migration
    /// <c>20261230000001_CaseworkVersion</c>, ADR 1207): what the caseload's attention figures are counted from.
    /// </summary>
    public long Casework { get; private set; }
}

/// <summary>
/// The counters of <see cref="DataVersionRow"/> as read at one moment. A kept read model remembers the counter it
/// was built at and is built again when the counter differs, so a change made through any instance of the portal
/// on the same database is seen by the next request on every instance. Read the counter <em>before</em> the
/// data: a change in between then costs one more build, never a stale model.
/// </summary>
public sealed record DataVersions(long Catalogue, long Needs, long Network, long Casework)
{
    /// <summary>
    /// The read as an EF Core compiled query, one per model: every page answered from a kept read model makes it, so
    /// it skips the translation-cache lookup a LINQ query pays on each run (issue 12). EF Core refuses to run a
    /// compiled query with a model other than the one it was compiled for, and each provider has its own model.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<AppDbContext, CancellationToken, Task<DataVersions?>>> Reads = new();

    /// <summary>One primary-key read.</summary>
    /// <exception cref="InvalidOperationException">The row is missing: the database was not migrated.</exception>
    public static async Task<DataVersions> ReadAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        await Reads.GetValue(db.Model, static _ => CompileRead())(db, cancellationToken)
        ?? throw new InvalidOperationException("The DataVersions row is missing: the database was not migrated.");

    private static Func<AppDbContext, CancellationToken, Task<DataVersions?>> CompileRead() =>
        EF.CompileAsyncQuery((AppDbContext context, CancellationToken _) =>
            context.DataVersions.AsNoTracking().Where(v => v.Id == 1)
                .Select(v => new DataVersions(v.Catalogue, v.Needs, v.Network, v.Casework))
                .FirstOrDefault());
}
