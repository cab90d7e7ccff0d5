namespace ProjectTracker.Bench;

/// <summary>The dashboards benchmark's section of docs/PERFORMANCE.md: what it does, its figures as Markdown tables, the targets.</summary>
public static class DashboardsReport
{
    // Issue 13's: a ratio to the not-found page measured in the same run, since absolute times on a shared machine are noise.
    private const double UsableTargetRatio = 1.5;
    private const double FirstLoadTargetKb = 250;
    private const double CircuitTargetMb = 1;

    public static string Write(IReadOnlyDictionary<DashboardPage, List<PageLoad>> loads, IReadOnlyList<CircuitMemory> memory, int circuits, string facts)
    {
        var text = new StringWriter();
        text.WriteLine("## Dashboards (1,000 projects, five years of WHOOP data, headless Chromium)");
        text.WriteLine();
        text.WriteLine("Command (from the repository root; needs Debian's `/usr/bin/chromium`, takes about 10 minutes on 2 cores):");
        text.WriteLine();
        text.WriteLine("```sh");
        text.WriteLine($"dotnet run -c Release --project bench/ProjectTracker.Bench -- {DashboardsBenchmark.Name}");
        text.WriteLine("```");
        text.WriteLine();
        text.WriteLine("What it does: builds a SQLite database — 1,000 projects filled by the real GitHub refresh from the simulator " +
                       "(`GitHubDataGenerator`, seed 42) and five years of WHOOP history (`WhoopDataGenerator`, seed 7, stored through " +
                       "`WhoopRecordMapper`) — publishes the app as the Dockerfile does (`dotnet publish -c Release -r linux-x64`, ReadyToRun), runs it as its own process in Production and " +
                       "loads each page cold in headless Chromium (a new browser context each time) in interleaved rounds, the first a warm-up. " +
                       "**First contentful paint** and DOMContentLoaded come from the Performance API; **usable** is the moment the " +
                       "`[data-testid=interactive]` marker (rendered once the circuit is connected) and the page's content are both there. " +
                       "**Bytes** are each HTTP response's on-the-wire size (DevTools, headers included) and the websocket's frame payloads " +
                       "(after permessage-deflate is undone, so they overstate its wire bytes). The baseline is the app's not-found page " +
                       $"(same layout, CSS and scripts, a circuit, no data). Then {circuits} pages of the baseline, then of each dashboard measured, are " +
                       "opened and the app's memory is read before, with them open, and 5 s after closing them.");
        text.WriteLine();
        text.WriteLine(facts + ":");
        var baseline = loads.First();
        var baselineFcp = Spread.Of(baseline.Value.Select(l => l.FirstContentfulPaintMs)).Median;
        var baselineReady = Spread.Of(baseline.Value.Select(l => l.InteractiveMs)).Median;
        var runs = baseline.Value.Count;

        text.WriteLine();
        text.WriteLine($"Times in ms from the start of navigation, median (min–max) of {runs} cold loads after one warm-up; ratios are of medians against the first row.");
        text.WriteLine();
        text.WriteLine("| page | first contentful paint | × baseline | DOMContentLoaded | usable (interactive + content visible) | × baseline |");
        text.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (page, measured) in loads)
        {
            var fcp = Spread.Of(measured.Select(l => l.FirstContentfulPaintMs));
            var ready = Spread.Of(measured.Select(l => l.InteractiveMs));
            text.WriteLine($"| {page.Label} | {fcp} | {fcp.Median / baselineFcp:0.00} | {Spread.Of(measured.Select(l => l.DomContentLoadedMs))} | {ready} | {ready.Median / baselineReady:0.00} |");
        }

        text.WriteLine();
        text.WriteLine("Where the time goes, medians in ms from the start of navigation: the server's prerender ends at the HTML's first byte; " +
                       "the circuit starts after DOMContentLoaded; the page is usable once the circuit's first render batch is applied and " +
                       "the layout's after-render calls have come back. Elements: what the browser built and laid out (of the last load).");
        text.WriteLine();
        text.WriteLine("| page | HTML first byte | DOMContentLoaded | circuit's websocket open | first render batch received | usable | elements |");
        text.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (page, measured) in loads)
        {
            double Median(Func<PageLoad, double> moment) => Spread.Of(measured.Select(moment)).Median;
            text.WriteLine($"| {page.Label} | {Median(l => l.ResponseStartMs):0} | {Median(l => l.DomContentLoadedMs):0} | {Median(l => l.CircuitOpenMs):0} | " +
                           $"{Median(l => l.FirstBatchMs):0} | {Median(l => l.InteractiveMs):0} | {measured[^1].Elements:N0} |");
        }

        text.WriteLine();
        text.WriteLine("Bytes of a first load (empty cache), KB of 1,024 bytes; HTTP figures are on the wire (compressed where served so, headers included).");
        text.WriteLine();
        text.WriteLine("| page | HTML document | CSS + JS + fonts | before data (HTML+CSS+JS+fonts) | other HTTP (circuit negotiation) | websocket received / sent (payload, decompressed) |");
        text.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (page, measured) in loads)
        {
            var traffic = measured[^1].Traffic;
            var document = traffic.HttpBytes("Document");
            var assets = traffic.HttpBytes("Stylesheet", "Script", "Font", "Image");
            var other = traffic.HttpBytes() - document - assets;
            text.WriteLine($"| {page.Label} | {Kb(document)} | {Kb(assets)} | {Kb(document + assets)} | {Kb(other)} | {Kb(traffic.WebSocketReceivedBytes)} / {Kb(traffic.WebSocketSentBytes)} |");
        }

        var sample = loads.Skip(1).First().Value[^1].Traffic;
        text.WriteLine();
        text.WriteLine($"Responses of one {loads.Skip(1).First().Key.Path} load (websocket compressed: {(sample.WebSocketCompressed ? "yes" : "no")}):");
        text.WriteLine();
        text.WriteLine("| response | type | content-encoding | KB on the wire |");
        text.WriteLine("| --- | --- | --- | --- |");
        foreach (var response in sample.Responses)
        {
            text.WriteLine($"| {ShortUrl(response.Url)} | {response.ResourceType} | {response.ContentEncoding ?? "none"} | {Kb(response.WireBytes)} |");
        }

        text.WriteLine();
        text.WriteLine("Server memory, read after a full collection the benchmark induces in the app (an EventPipe heap-collect session, " +
                       "as `dotnet-gcdump` does): **live** is the managed heap still referenced — what open pages hold — and RSS the " +
                       "process's resident set (VmRSS), which also keeps memory the collector has freed but not returned:");
        text.WriteLine();
        text.WriteLine($"| {circuits} pages of | live before | live open | **live per open page** | × baseline | RSS before | RSS open | RSS per open page | live after closing them |");
        text.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var m in memory)
        {
            text.WriteLine($"| {m.Page.Label} | {Mb(m.Before.LiveBytes)} | {Mb(m.Open.LiveBytes)} | **{Mb((long)m.LiveGrowthPerPage(circuits))}** | " +
                           $"{Ratio(m.LiveGrowthPerPage(circuits), memory[0].LiveGrowthPerPage(circuits))} | {Mb(m.Before.ResidentBytes)} | " +
                           $"{Mb(m.Open.ResidentBytes)} | {Mb((long)m.GrowthPerPage(circuits))} | {Mb(m.AfterClose.LiveBytes)} |");
        }

        text.WriteLine();
        text.WriteLine("Against the dashboards issue's targets (absolute times on this shared machine are noise; read them beside the baseline row):");
        foreach (var (page, measured) in loads.Skip(1))
        {
            var usable = Spread.Of(measured.Select(l => l.InteractiveMs)).Median;
            var traffic = measured[^1].Traffic;
            var beforeData = (traffic.HttpBytes("Document") + traffic.HttpBytes("Stylesheet", "Script", "Font", "Image")) / 1024.0;
            text.WriteLine($"- {page.Label}: usable within {UsableTargetRatio:0.0}× the baseline: **{(usable <= UsableTargetRatio * baselineReady ? "met" : "missed")}** " +
                           $"({usable / baselineReady:0.00}×, {usable:0} ms median); first load under {FirstLoadTargetKb:0} KB before data: " +
                           $"**{(beforeData < FirstLoadTargetKb ? "met" : "missed")}** ({beforeData:0.0} KB).");
        }

        foreach (var page in memory.Skip(1))
        {
            var live = page.LiveGrowthPerPage(circuits) / (1024.0 * 1024);
            text.WriteLine($"- Server memory under {CircuitTargetMb:0} MB per open circuit of {page.Page.Label}: **{(live < CircuitTargetMb ? "met" : "missed")}** " +
                           $"({live:0.00} MB live per open page; {page.GrowthPerPage(circuits) / (1024.0 * 1024):0.00} MB of RSS growth).");
        }

        return text.ToString();
    }

    // RSS can fall between two readings (a collection), which leaves no growth to compare against.
    private static string Ratio(double value, double baseline) => baseline > 0 ? $"{value / baseline:0.0}" : "—";

    private static string Kb(long bytes) => $"{bytes / 1024.0:0.0}";

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):0.00} MB";

    private static string ShortUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url;
}
