namespace ProjectTracker.Bench;

/// <summary>The dashboards benchmark's figures as Markdown tables, ready for docs/PERFORMANCE.md.</summary>
public static class DashboardsReport
{
    public static void Write(IReadOnlyDictionary<DashboardPage, List<PageLoad>> loads, IReadOnlyList<CircuitMemory> memory, int circuits)
    {
        var baseline = loads.First();
        var baselineFcp = Spread.Of(baseline.Value.Select(l => l.FirstContentfulPaintMs)).Median;
        var baselineReady = Spread.Of(baseline.Value.Select(l => l.InteractiveMs)).Median;
        var runs = baseline.Value.Count;

        Console.WriteLine();
        Console.WriteLine($"Times in ms from the start of navigation, median (min–max) of {runs} cold loads after one warm-up; ratios are of medians against the first row.");
        Console.WriteLine();
        Console.WriteLine("| page | first contentful paint | × baseline | DOMContentLoaded | usable (interactive + content visible) | × baseline |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (page, measured) in loads)
        {
            var fcp = Spread.Of(measured.Select(l => l.FirstContentfulPaintMs));
            var ready = Spread.Of(measured.Select(l => l.InteractiveMs));
            Console.WriteLine($"| {page.Label} | {fcp} | {fcp.Median / baselineFcp:0.00} | {Spread.Of(measured.Select(l => l.DomContentLoadedMs))} | {ready} | {ready.Median / baselineReady:0.00} |");
        }

        Console.WriteLine();
        Console.WriteLine("Bytes of a first load (empty cache), KB of 1,024 bytes; HTTP figures are on the wire (compressed where served so, headers included).");
        Console.WriteLine();
        Console.WriteLine("| page | HTML document | CSS + JS + fonts | before data (HTML+CSS+JS+fonts) | other HTTP (circuit negotiation) | websocket received / sent (payload, decompressed) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (page, measured) in loads)
        {
            var traffic = measured[^1].Traffic;
            var document = traffic.HttpBytes("Document");
            var assets = traffic.HttpBytes("Stylesheet", "Script", "Font", "Image");
            var other = traffic.HttpBytes() - document - assets;
            Console.WriteLine($"| {page.Label} | {Kb(document)} | {Kb(assets)} | {Kb(document + assets)} | {Kb(other)} | {Kb(traffic.WebSocketReceivedBytes)} / {Kb(traffic.WebSocketSentBytes)} |");
        }

        var sample = loads.Skip(1).First().Value[^1].Traffic;
        Console.WriteLine();
        Console.WriteLine($"Responses of one {loads.Skip(1).First().Key.Path} load (websocket compressed: {(sample.WebSocketCompressed ? "yes" : "no")}):");
        Console.WriteLine();
        Console.WriteLine("| response | type | content-encoding | KB on the wire |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var response in sample.Responses)
        {
            Console.WriteLine($"| {ShortUrl(response.Url)} | {response.ResourceType} | {response.ContentEncoding ?? "none"} | {Kb(response.WireBytes)} |");
        }

        Console.WriteLine();
        Console.WriteLine("Server memory (VmRSS of the app's process; no forced GC is possible from outside, so the delta includes garbage not yet collected):");
        Console.WriteLine();
        Console.WriteLine($"| {circuits} pages of | before | open | growth per open page | × baseline | after closing them |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var m in memory)
        {
            Console.WriteLine($"| {m.Page.Label} | {Mb(m.BeforeBytes)} | {Mb(m.OpenBytes)} | {Mb((long)m.GrowthPerPage(circuits))} | " +
                              $"{Ratio(m.GrowthPerPage(circuits), memory[0].GrowthPerPage(circuits))} | {Mb(m.AfterCloseBytes)} |");
        }
    }

    // RSS can fall between two readings (a collection), which leaves no growth to compare against.
    private static string Ratio(double value, double baseline) => baseline > 0 ? $"{value / baseline:0.0}" : "—";

    private static string Kb(long bytes) => $"{bytes / 1024.0:0.0}";

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):0.00} MB";

    private static string ShortUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url;
}
