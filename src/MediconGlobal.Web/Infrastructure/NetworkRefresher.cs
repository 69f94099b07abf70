using MediconGlobal.Core.Data;
using MediconGlobal.Core.Landscape;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Builds the collaboration network again in the background when it changed (ADR 1206), so that no request waits
/// for betweenness: woken by a request that was served a graph older than the network's counter, and every
/// <see cref="Interval"/>, so that a change made through another instance is built here before anyone asks.
/// </summary>
public sealed class NetworkRefresher(NetworkCache cache, IServiceScopeFactory scopes, ILogger<NetworkRefresher> logger) : BackgroundService
{
    /// <summary>How often the counter is read when no request asked for a rebuild.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await cache.WaitForStaleAsync(Interval, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await cache.RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The kept graphs stay as they were; the next wake-up tries again.
                logger.LogError(ex, "Building the collaboration network again failed");
            }
        }
    }
}
