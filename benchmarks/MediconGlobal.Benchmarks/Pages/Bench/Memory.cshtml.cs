using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Benchmarks.Pages.Bench;

/// <summary>
/// <c>GET /bench/memory[?collect=1]</c>, only in the benchmark host: where the process's resident memory is, as
/// plain text, one <c>name value</c> pair per line, sizes in MB. The managed heap's size, the collector's committed
/// bytes and fragmentation come from <see cref="GC.GetGCMemoryInfo()"/>; resident memory from
/// <see cref="Process.WorkingSet64"/>; <c>allocated</c> is every byte allocated since the start (divide the
/// difference by the requests between two reads for a page's allocation per request), <c>collections</c> the count of
/// generation 0, 1 and 2 collections, <c>paused</c> the milliseconds the collector has paused the process in all. <c>collect=1</c> first runs a full, compacting collection that returns free
/// memory to the system, so the figures then show what the portal keeps (docs/performance.md, "Memory").
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
