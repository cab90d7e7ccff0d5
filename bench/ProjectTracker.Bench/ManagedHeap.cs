using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace ProjectTracker.Bench;

/// <summary>
/// What a running .NET process holds in its managed heap, measured the way <c>dotnet-gcdump</c> does it: an EventPipe
/// session asking for heap-collect events makes the runtime run a full blocking collection, and the heap statistics
/// after it are what is still referenced. Unlike the resident set size, garbage not yet collected does not count.
/// </summary>
public static class ManagedHeap
{
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    public static async Task<long> LiveBytesAsync(int processId)
    {
        var client = new DiagnosticsClient(processId);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)],
            requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var live = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var induced = false;
        source.Clr.GCStart += (GCStartTraceData e) => induced |= e.Depth == 2 && e.Reason.ToString().StartsWith("Induced", StringComparison.Ordinal);
        source.Clr.GCHeapStats += (GCHeapStatsTraceData e) =>
        {
            if (induced)
            {
                live.TrySetResult(e.TotalHeapSize);
            }
        };
        var processing = Task.Run(source.Process);
        try
        {
            return await live.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            session.Stop();
            await processing.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
