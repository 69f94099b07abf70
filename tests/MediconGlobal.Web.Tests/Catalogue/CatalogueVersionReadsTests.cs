using System.Data.Common;
using MediconGlobal.Core.Data;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Catalogue;

/// <summary>
/// The public pages over the catalogue's index read the catalogue's version once per request (issue 12): the page's
/// search and its view's term names share the index of the request (<c>TermNames.CatalogueAsync</c>). Each read is
/// a round trip every visitor pays, so a second one cost the catalogue and the guided path a fifth of their
/// throughput on PostgreSQL (docs/performance.md). Counted by a command interceptor on the portal's own contexts.
/// </summary>
public sealed class CatalogueVersionReadsTests : IAsyncDisposable
{
    private readonly VersionReads _reads = new();
    private readonly PortalFactory _portal;

    public CatalogueVersionReadsTests() =>
        _portal = new PortalFactory { TestServices = services => services.ConfigureDbContext<AppDbContext>(b => b.AddInterceptors(_reads)) };

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Theory]
    [InlineData("/offers")]
    [InlineData("/offers?q=advisory&category=legal&page=1")]
    [InlineData("/offers?market=usa&sort=name")]
    [InlineData("/find-support?stage=clinical&market=usa&help=regulatory")]
    [InlineData("/find-support?help=&page=2")]
    [InlineData("/find-support")]
    public async Task APublicCataloguePage_ReadsTheCataloguesVersionOncePerRequest(string path)
    {
        var client = _portal.CreatePortalClient();
        await client.GetPageAsync(path); // builds the index

        _reads.Count = 0;
        var page = await client.GetPageAsync(path);

        Assert.NotNull(page.QuerySelector("h1"));
        Assert.Equal(1, _reads.Count);
    }

    /// <summary>Counts the commands that read the row of counters (<see cref="AppDbContext.DataVersions"/>).</summary>
    private sealed class VersionReads : DbCommandInterceptor
    {
        private int _count;

        public int Count { get => Volatile.Read(ref _count); set => Volatile.Write(ref _count, value); }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Note(command);
            return base.ReaderExecuting(command, eventData, result);
        }

        private void Note(DbCommand command)
        {
            if (command.CommandText.Contains("DataVersions", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
