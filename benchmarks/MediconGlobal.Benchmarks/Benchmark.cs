using System.Diagnostics;
using System.Globalization;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing.Privacy;
using MediconGlobal.Testing.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Benchmarks;

/// <summary>
/// Times the gap report on generated data at a chosen scale, on SQLite and PostgreSQL, and prints the median
/// time and memory of each step. Usage (or run scripts/benchmark.sh, which also starts a PostgreSQL):
///   dotnet run -c Release --project benchmarks/MediconGlobal.Benchmarks -- [--provider sqlite|postgres|both] [--scale 1.0] [--runs 7]
///     [--keep]                 keep the generated database and print how to reuse it
///     [--reuse "connection"]   time an earlier kept database again (with --provider sqlite or postgres)
///     [--only "text"]          time only the steps whose name contains the text
/// The load test (scripts/load-test.sh) uses the commands <c>generate</c> and <c>serve</c> instead; see <see cref="LoadCommands"/>.
/// </summary>
public static class Benchmark
{
    public static async Task<int> Main(string[] args)
    {
        var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "true");
        switch (args.FirstOrDefault())
        {
            case "generate":
                return await LoadCommands.GenerateAsync(options);
            case "serve":
                return await LoadCommands.ServeAsync(options);
        }

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

        Console.WriteLine($"Load average at the start: {LoadAverage()}");
        Console.WriteLine($"Scale: {scale.Organisations:N0} organisations, {scale.Offers:N0} offers, {scale.Companies:N0} companies, {scale.Needs:N0} needs, {scale.Referrals:N0} referrals; {runs} timed runs after one warm-up; {Environment.ProcessorCount} cores, .NET {Environment.Version}.");
        var results = new List<Measurement>();
        var reuse = options.GetValueOrDefault("reuse");
        var only = options.GetValueOrDefault("only");
        foreach (var provider in providers)
        {
            await using var database = reuse is not null
                ? BenchmarkDatabase.Existing(provider, reuse)
                : await BenchmarkDatabase.CreateAsync(provider, postgresServer, keep: options.ContainsKey("keep"));
            if (reuse is null)
            {
                var generation = Stopwatch.StartNew();
                await using (var db = database.CreateContext())
                {
                    await new SyntheticData(db, TimeProvider.System).GenerateAsync(scale);
                }

                Console.WriteLine($"{provider}: generated in {generation.Elapsed.TotalSeconds:0.0} s{(database.Keep ? $"; kept: --provider {provider.ToString().ToLowerInvariant()} --reuse \"{database.ConnectionString}\"" : "")}");
            }

            async Task Step(string step, Func<Task<int>> work)
            {
                if (only is null || step.Contains(only, StringComparison.OrdinalIgnoreCase))
                {
                    results.Add(await Measure.RunAsync(provider, step, runs, work));
                }
            }

            await Step("… of which: load the needs (companies and needs, two queries)", async () =>
            {
                await using var db = database.CreateContext();
                return (await new GapAnalysis(db).FactsAsync(GapFilters.None, pm)).Length;
            });
            await Step("… of which: load the published offers into an index (cache miss)", async () =>
            {
                await using var db = database.CreateContext();
                return (await OfferCoverageIndex.LoadAsync(db, new CatalogueCache().Today())).OfferCount;
            });
            await Step("… of which: read the data versions (every kept read model, cache hit)", async () =>
            {
                await using var db = database.CreateContext();
                return (int)(await DataVersions.ReadAsync(db)).Catalogue;
            });
            await using (var db = database.CreateContext())
            {
                var facts = await new GapAnalysis(db).FactsAsync(GapFilters.None, pm);
                var index = await OfferCoverageIndex.LoadAsync(db, new CatalogueCache().Today());
                var terms = (await new GapAnalysis(db).ComputeFullAsync(GapQuery.Default, pm)).Rows.Select(r => new AxisTerm(r.Id ?? 0, r.Label)).ToList();
                await Step("… of which: the in-memory pass (GapCalculator)", () =>
                    Task.FromResult(GapCalculator.Compute(GapQuery.Default, terms, [], facts, index).Total.Figures!.Needs));
            }

            await Step("Gap computation, category × market (full numbers, offer index built)", async () =>
            {
                await using var db = database.CreateContext();
                return (await new GapAnalysis(db).ComputeFullAsync(GapQuery.Default, pm)).Total.Figures!.Needs;
            });
            var cache = new CatalogueCache();
            await Step("Gap computation, category × market (full numbers, offer index cached)", async () =>
            {
                await using var db = database.CreateContext();
                return (await new GapAnalysis(db, cache).ComputeFullAsync(GapQuery.Default, pm)).Total.Figures!.Needs;
            });
            await Step("Gap computation, market × stage (protected view, offer index cached)", async () =>
            {
                await using var db = database.CreateContext();
                var query = new GapQuery(GapDimension.Market, GapDimension.Stage, GapFilters.None);
                return (await new GapAnalysis(db, cache, TestProtection.Instance).ComputeAsync(query, partner, GapView.Protected)).Total.Figures.Needs;
            });
            Console.WriteLine($"{provider}: load average {LoadAverage()}");

            await using var host = new PortalHost(database);
            var client = await host.SignedInProjectManagerAsync();
            await Step("GET /reports/gaps (whole page, signed in)", async () =>
            {
                var response = await client.GetAsync("/reports/gaps");
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadAsStringAsync()).Length;
            });
            await Step("GET /reports/gaps right after an offer changed (index built again)", async () =>
            {
                await using (var db = database.CreateContext())
                {
                    // What a saved edit does to the catalogue's fingerprint: one offer's version goes up.
                    await db.Offers.Where(o => o.Id == db.Offers.Min(x => x.Id)).ExecuteUpdateAsync(u => u.SetProperty(o => o.Version, o => o.Version + 1));
                }

                var response = await client.GetAsync("/reports/gaps");
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadAsStringAsync()).Length;
            });
            await Step("GET /reports/gaps with a drill-down", async () =>
            {
                var response = await client.GetAsync("/reports/gaps?rows=Sector&cols=Stage&row=none&col=none");
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadAsStringAsync()).Length;
            });
        }

        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| Database | Step | Median | Min | Max | Allocated per run | Peak working set |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var m in results)
        {
            Console.WriteLine($"| {m.Provider} | {m.Step} | {m.Median:0} ms | {m.Min:0} ms | {m.Max:0} ms | {m.AllocatedMegabytes:0} MB | {m.PeakWorkingSetMegabytes:0} MB |");
        }

        return 0;
    }

    /// <summary>The machine's load average (1, 5, 15 minutes) where Linux tells it: other work on the cores inflates every figure.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
