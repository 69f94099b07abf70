using System.Diagnostics;
using System.Globalization;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing.Synthetic;

namespace MediconGlobal.Benchmarks;

/// <summary>
/// Times the gap report on generated data at a chosen scale, on SQLite and PostgreSQL, and prints the median
/// time and memory of each step. Usage (or run scripts/benchmark.sh, which also starts a PostgreSQL):
///   dotnet run -c Release --project benchmarks/MediconGlobal.Benchmarks -- [--provider sqlite|postgres|both] [--scale 1.0] [--runs 7]
/// </summary>
public static class Benchmark
{
    public static async Task Main(string[] args)
    {
        var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "true");
        var postgresServer = Environment.GetEnvironmentVariable("MEDICON_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("MEDICON_TEST_POSTGRES");
        var providers = options.GetValueOrDefault("provider", postgresServer is null ? "sqlite" : "both") switch
        {
            "sqlite" => new[] { DatabaseProvider.Sqlite },
            "postgres" => [DatabaseProvider.Postgres],
            _ => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
        };
        var scale = SyntheticScale.Full.Times(double.Parse(options.GetValueOrDefault("scale", "1"), CultureInfo.InvariantCulture));
        var runs = int.Parse(options.GetValueOrDefault("runs", "7"), CultureInfo.InvariantCulture);
        var pm = new Viewer("bench", new HashSet<string> { Roles.ProjectManager }, null, null);
        var partner = new Viewer("bench-partner", new HashSet<string> { Roles.PartnerStaff }, null, null);

        Console.WriteLine($"Scale: {scale.Organisations:N0} organisations, {scale.Offers:N0} offers, {scale.Companies:N0} companies, {scale.Needs:N0} needs, {scale.Referrals:N0} referrals; {runs} timed runs after one warm-up; {Environment.ProcessorCount} cores, .NET {Environment.Version}.");
        var results = new List<Measurement>();
        foreach (var provider in providers)
        {
            await using var database = await BenchmarkDatabase.CreateAsync(provider, postgresServer);
            var generation = Stopwatch.StartNew();
            await using (var db = database.CreateContext())
            {
                await new SyntheticData(db, TimeProvider.System).GenerateAsync(scale);
            }


            Console.WriteLine($"{provider}: generated in {generation.Elapsed.TotalSeconds:0.0} s");

            results.Add(await Measure.RunAsync(provider, "… of which: load the needs (one projection)", runs, async () =>
        {
            await using var db = database.CreateContext();
            var analysis = new GapAnalysis(db);
            return (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(GapAnalysis.Facts(analysis.Needs(GapFilters.None, pm)))).Count;
        }));
            results.Add(await Measure.RunAsync(provider, "… of which: load the published offers and build the rule's bit sets", runs, async () =>
            {
                await using var db = database.CreateContext();
                return (await new GapAnalysis(db).OffersAsync()).OfferCount;
            }));
            results.Add(await Measure.RunAsync(provider, "Gap computation, category × market (full numbers)", runs, async () =>
                {
                    await using var db = database.CreateContext();
                    return (await new GapAnalysis(db).ComputeFullAsync(GapQuery.Default, pm)).Total.Figures!.Needs;
                }));
            results.Add(await Measure.RunAsync(provider, "Gap computation, market × stage (suppressed view)", runs, async () =>
            {
                await using var db = database.CreateContext();
                var query = new GapQuery(GapDimension.Market, GapDimension.Stage, GapFilters.None);
                return (await new GapAnalysis(db).ComputeAsync(query, partner, GapView.Suppressed)).SuppressedCount;
            }));

            await using var host = new PortalHost(database);
            var client = await host.SignedInProjectManagerAsync();
            results.Add(await Measure.RunAsync(provider, "GET /reports/gaps (whole page, signed in)", runs, async () =>
            {
                var response = await client.GetAsync("/reports/gaps");
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadAsStringAsync()).Length;
            }));
            results.Add(await Measure.RunAsync(provider, "GET /reports/gaps with a drill-down", runs, async () =>
            {
                var response = await client.GetAsync("/reports/gaps?rows=Sector&cols=Stage&row=none&col=none");
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadAsStringAsync()).Length;
            }));
        }

        Console.WriteLine();
        Console.WriteLine("| Database | Step | Median | Min | Max | Allocated per run | Peak working set |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var m in results)
        {
            Console.WriteLine($"| {m.Provider} | {m.Step} | {m.Median:0} ms | {m.Min:0} ms | {m.Max:0} ms | {m.AllocatedMegabytes:0} MB | {m.PeakWorkingSetMegabytes:0} MB |");
        }
    }
}
