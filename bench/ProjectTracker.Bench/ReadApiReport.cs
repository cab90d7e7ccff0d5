using System.Text;

namespace ProjectTracker.Bench;

/// <summary>The read-API benchmark's section of docs/PERFORMANCE.md.</summary>
public static class ReadApiReport
{
    public static string Write(IReadOnlyList<ReadApiRow> rows, string facts, IReadOnlyList<string> problems)
    {
        var text = new StringBuilder();
        text.AppendLine("## Read API (1,000 projects, five years of WHOOP data, wrk at 32 connections)");
        text.AppendLine();
        text.AppendLine("Command (from the repository root; needs `/usr/bin/wrk`; PostgreSQL when `BENCH_POSTGRES_URL` names a server):");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine($"BENCH_POSTGRES_URL='Host=127.0.0.1;Port=55999;Username=postgres;Database=postgres' dotnet run -c Release --project bench/ProjectTracker.Bench -- {ReadApiBenchmark.Name}");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("What it does: publishes the app as the Dockerfile does (`dotnet publish -c Release -r linux-x64`, ReadyToRun) and runs it as its own process in Production, " +
                        "on a SQLite file and then on a new PostgreSQL database, each filled like the dashboards " +
                        "benchmark's (1,000 projects through the real GitHub refresh from the simulator, five years of WHOOP history). " +
                        "Per endpoint it first checks the answer (200, JSON, the expected number of projects or days) and its size, then " +
                        $"runs `{Wrk.CommandLine(ReadApiBenchmark.Connections, ReadApiBenchmark.Threads, ReadApiBenchmark.Round, "<url>")}` " +
                        $"on loopback: {ReadApiBenchmark.WarmUp.TotalSeconds:0} s of warm-up on each, then four {ReadApiBenchmark.Round.TotalSeconds:0}-s runs " +
                        "interleaved as ceiling, endpoint, endpoint, ceiling so noise falls on both. The **ceiling** is `GET /static?bytes=N` " +
                        "of `bench/BaselineApp` (Kestrel and nothing else, published the same way, its own process): a fixed JSON body of the " +
                        "endpoint's own size written from memory. " +
                        "Requests/s are over both runs; p99 is the worse run's (wrk `--latency`). Any non-2xx answer or socket error fails the run. " +
                        "The app runs as deployed: there is no response cache (retired by decision record 0019), every answer comes from the " +
                        "shared read models. wrk shares the 2 cores with the app.");
        text.AppendLine();
        text.AppendLine(facts + ":");
        text.AppendLine();
        text.AppendLine($"| database | endpoint | answer KB | requests/s | ceiling requests/s | × ceiling | p99 ms | ceiling p99 ms | target ≥ {ReadApiBenchmark.Target:0.00} × ceiling |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in rows)
        {
            var verdict = r.Ratio >= ReadApiBenchmark.Target ? "**met**" : "**missed**";
            var timeouts = r.Timeouts > 0 ? $" ({r.Timeouts} timeout(s))" : "";
            text.AppendLine($"| {r.Provider} | `/{r.Path}` | {r.Bytes / 1024.0:0.0} | {r.RequestsPerSecond:0} | " +
                            $"{r.CeilingRequestsPerSecond:0} | {r.Ratio:0.00} | {r.P99Ms:0.0}{timeouts} | {r.CeilingP99Ms:0.0} | {verdict} |");
        }

        text.AppendLine();
        var missed = rows.Where(r => r.Ratio < ReadApiBenchmark.Target).ToList();
        text.AppendLine(rows.Count == 0 ? "Target: **not judged**, nothing was measured." : missed.Count == 0
            ? $"Target (each read endpoint at ≥ {ReadApiBenchmark.Target * 100:0}% of the ceiling's throughput, as deployed): **met** by all {rows.Count} endpoint × database pairs measured."
            : $"Target (each read endpoint at ≥ {ReadApiBenchmark.Target * 100:0}% of the ceiling's throughput, as deployed): **missed** by {string.Join(", ", missed.Select(r => $"{r.Provider} `/{r.Path}` ({r.Ratio:0.00})"))}.");
        text.AppendLine();
        text.AppendLine("One layer: every answer comes from the shared read models (decision records 0010 and 0019). The projects and every WHOOP " +
                        "record are read once per data version (again at once after this instance writes, after `ReadModel:MaxAgeSeconds`, 2 s, " +
                        "otherwise, and ahead of time halfway through that age under steady traffic); what is derived from a snapshot is kept " +
                        "with it: the project list in each order asked for, with its items' JSON gathered, and the WHOOP metrics of the ranges " +
                        "asked; a WHOOP range is cut from memory and written from each record's JSON serialized once. A list answer is written " +
                        "straight to the connection in parts of 256 KB, never buffered whole. Nothing is written during these runs, so past its " +
                        "age a snapshot is kept after a cheap check that nobody wrote (SQLite's `PRAGMA data_version`, PostgreSQL's current " +
                        "snapshot) instead of being read again. A write by another instance on the same database shows after at most 2 s plus " +
                        "one database read; this instance's own writes on the very next request. Both are tested (`ReadFreshnessTests`, " +
                        "`WhoopReadFreshnessTests`, `WhoopReadModelTests`: real refresh and sync code against the simulators).");
        WriteAgainstTheOldApp(text, rows);
        foreach (var problem in problems)
        {
            text.AppendLine();
            text.AppendLine(problem);
        }

        return text.ToString();
    }

    /// <summary>Issue 13's target for the path without the response cache (issue 28's for the app as deployed): at least this many times the old app's throughput.</summary>
    private const double OldAppMultipleTarget = 20;

    /// <summary>
    /// The old Flask app's throughput, at most, per endpoint (requests/s), derived from what issue 13 recorded of a
    /// side-by-side run; see the text <see cref="WriteAgainstTheOldApp"/> writes for how.
    /// </summary>
    private static readonly Dictionary<string, (double RequestsPerSecond, string How)> OldApp = new()
    {
        ["api/github/projects"] = (47, "47"),
        ["api/github/metrics"] = (360, "360"),
        ["api/whoop/recovery?days=365"] = (50, "50 (342 ÷ 6.9)"),
        ["api/whoop/metrics?days=365"] = (22, "22 (117 ÷ 5.3)"),
    };

    /// <summary>Whether every measured endpoint with a recorded old-app figure is at least the target multiple of it.</summary>
    public static bool OldAppTargetMet(IEnumerable<ReadApiRow> rows) =>
        rows.Where(r => OldApp.ContainsKey(r.Path)).All(r => r.RequestsPerSecond / OldApp[r.Path].RequestsPerSecond >= OldAppMultipleTarget);

    private static void WriteAgainstTheOldApp(StringBuilder text, IReadOnlyList<ReadApiRow> rows)
    {
        var measured = rows.Where(r => OldApp.ContainsKey(r.Path)).GroupBy(r => r.Path).ToList();
        if (measured.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("### Against the old app (the old app's figures derived from recorded ones; this app's from the rows above)");
        text.AppendLine();
        text.AppendLine("The old Flask app is not run here (neither its source nor its Python packages are part of this set-up), so this " +
                        "compares with what issue 13 recorded from a side-by-side run (its own `gunicorn app:app`, one sync worker, the same " +
                        "1,000 projects and five years of WHOOP, wrk at 32 connections): with the response cache off this app was then **4.9×** " +
                        "(`/api/github/projects`), **6.6×** (`/metrics`), **6.9×** (`/api/whoop/recovery?days=365`) and **5.3×** " +
                        "(`/api/whoop/metrics?days=365`) the old app's throughput, while itself at no more than 0.07 of the static ceiling. So " +
                        "the old app answered at most 0.07 × ceiling ÷ that multiple; for the WHOOP endpoints, whose read path had not changed " +
                        "since that run, the session-7 run (2026-12-04 05:40 UTC) measured this app at 342 and 117 requests/s, which puts the " +
                        $"old app near 50 and 22 requests/s. Issue 13's target, issue 28's with no response cache at all: at least {OldAppMultipleTarget:0}×.");
        text.AppendLine();
        var providers = measured.SelectMany(g => g.Select(r => r.Provider)).Distinct().ToList();
        text.AppendLine($"| endpoint | old app, at most (requests/s) | this app ({string.Join(" / ", providers)}) | multiple, at least | target ≥ {OldAppMultipleTarget:0}× |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var endpoint in measured)
        {
            var (oldApp, how) = OldApp[endpoint.Key];
            var byProvider = providers.Select(p => endpoint.FirstOrDefault(r => r.Provider == p)).ToList();
            var multiples = byProvider.Select(r => r is null ? null : (double?)(r.RequestsPerSecond / oldApp)).ToList();
            var met = multiples.All(m => m is null || m >= OldAppMultipleTarget);
            text.AppendLine($"| `/{endpoint.Key}` | {how} | {string.Join(" / ", byProvider.Select(r => r is null ? "—" : r.RequestsPerSecond.ToString("N0")))} | " +
                            $"{string.Join(" / ", multiples.Select(m => m is null ? "—" : $"{m:0}×"))} | **{(met ? "met" : "missed")}** |");
        }

        text.AppendLine();
        text.AppendLine("Had the WHOOP endpoints been at the 0.07 bound as well, the old app would have answered WHOOP metrics at up to ~458 " +
                        "(SQLite) / ~341 (PostgreSQL) requests/s: compare the WHOOP metrics row above with those too.");
    }
}
