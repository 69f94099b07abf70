using System.Diagnostics;
using MediconGlobal.Core.Data;

namespace MediconGlobal.Benchmarks;

public sealed record Measurement(DatabaseProvider Provider, string Step, double Median, double Min, double Max, double AllocatedMegabytes, double PeakWorkingSetMegabytes);

/// <summary>A stopwatch harness: one warm-up, then timed runs; the median is reported with the memory each run allocated.</summary>
public static class Measure
{
    public static async Task<Measurement> RunAsync(DatabaseProvider provider, string step, int runs, Func<Task<int>> work)
    {
        await work();
        var times = new List<double>();
        var allocated = new List<long>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            await work();
            watch.Stop();
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        using var process = Process.GetCurrentProcess();
        var sorted = times.Order().ToList();
        var measurement = new Measurement(provider, step, sorted[sorted.Count / 2], sorted[0], sorted[^1],
            allocated.Order().ElementAt(allocated.Count / 2) / 1048576.0, process.PeakWorkingSet64 / 1048576.0);
        Console.WriteLine($"{provider}: {step}: median {measurement.Median:0} ms (min {measurement.Min:0}, max {measurement.Max:0}), {measurement.AllocatedMegabytes:0} MB allocated per run");
        return measurement;
    }
}
