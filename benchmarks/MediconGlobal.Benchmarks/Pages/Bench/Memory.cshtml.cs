using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Benchmarks.Pages.Bench;

/// <summary>
/// <c>GET /bench/memory[?collect=1]</c>, only in the benchmark host: where the process's memory is, as plain text,
/// one <c>name value</c> pair per line. Sizes are in MB: the managed heap, the collector's committed bytes and
/// fragmentation (<see cref="GC.GetGCMemoryInfo()"/>), resident memory (<see cref="Process.WorkingSet64"/>) and
/// <c>allocated</c>, every byte allocated since the start (the difference between two reads divided by the requests
/// in between is a page's allocation per request). <c>paused</c> is the collector's total pause in milliseconds,
/// <c>collections</c> the count of generation 0, 1 and 2 collections. <c>collect=1</c> first runs a full, compacting
/// collection that returns free memory to the system, so the figures then show what the portal keeps
/// (docs/performance.md, "A fair yardstick, and where the memory is").
/// </summary>
[AllowAnonymous]
public class MemoryModel : PageModel
{
    public IActionResult OnGet(int collect = 0)
    {
        if (collect == 1)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        var info = GC.GetGCMemoryInfo();
        using var process = Process.GetCurrentProcess();
        var text = new StringBuilder();
        void Line(string name, double bytes) =>
            text.Append(name).Append(' ').Append((bytes / 1048576).ToString("F1", CultureInfo.InvariantCulture)).Append('\n');
        Line("resident", process.WorkingSet64);
        Line("heap", info.HeapSizeBytes);
        Line("committed", info.TotalCommittedBytes);
        Line("fragmented", info.FragmentedBytes);
        Line("promoted", info.PromotedBytes);
        Line("allocated", GC.GetTotalAllocatedBytes());
        text.Append("paused ").Append(GC.GetTotalPauseDuration().TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("collections ").Append(GC.CollectionCount(0)).Append(' ').Append(GC.CollectionCount(1)).Append(' ').Append(GC.CollectionCount(2)).Append('\n');
        text.Append("server ").Append(GCSettings.IsServerGC).Append('\n');
        foreach (var (key, value) in GC.GetConfigurationVariables())
        {
            text.Append(key).Append(' ').Append(value).Append('\n');
        }

        return Content(text.ToString(), "text/plain");
    }
}
