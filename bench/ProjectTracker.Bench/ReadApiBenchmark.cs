using System.Text.Json.Nodes;

namespace ProjectTracker.Bench;

/// <summary>
/// The read API under load: the published app (Production) on SQLite and on PostgreSQL, each filled with 1,000 projects and
/// five years of WHOOP data, wrk at 32 connections on four read endpoints, each beside <c>bench/BaselineApp</c>'s
/// <c>/static</c> answering a body of the same size from memory — the ceiling of this machine for this stack.
/// </summary>
public static class ReadApiBenchmark
{
    public const string Name = "read-api";
    public const int Connections = 32;
    public const int Threads = 2;
    /// <summary>Issue 13's: every read endpoint, as deployed, at this share of the ceiling or more.</summary>
    public const double Target = 0.80;
    private const int Projects = 1_000;
    private const int WhoopDays = 5 * 365;
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Round = TimeSpan.FromSeconds(5);

    // As many projects as the filled database holds (a generated repository without the owner's commits is none).
    public static ReadEndpoint[] Endpoints(int projects) =>
    [
        new("api/github/projects", json => json.AsArray().Count == projects),
        new("api/github/metrics", json => (int?)json["total_projects"] == projects),
        new("api/whoop/recovery?days=365", json => json.AsArray().Count is >= 360 and <= 366),
        new("api/whoop/metrics?days=365", json => (int?)json["recovery"]?["total_records"] is >= 360 and <= 366),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var root = Repository.Root();
        var facts = PerformanceDoc.MachineFacts();
        var work = Directory.CreateTempSubdirectory("pt-bench-read-api-");
        Console.WriteLine($"Read-API benchmark: {facts}");
        try
        {
            var publish = Path.Combine(work.FullName, "app");
            await PublishedApp.PublishAsync(root, publish);
            var baseline = Path.Combine(work.FullName, "baseline");
            await PublishedApp.PublishProjectAsync(Path.Combine(root, "bench", "BaselineApp", "BaselineApp.csproj"), baseline);
            await using var ceiling = await PublishedApp.StartProgramAsync(Path.Combine(baseline, "BaselineApp.dll"), null, new Dictionary<string, string>());
            var results = new List<ReadApiRow>();
            var problems = new List<string>();

            // A provider that fails is reported as such; the other's figures are still written.
            try
            {
                var sqlite = Path.Combine(work.FullName, "read-api.db");
                var contents = await DashboardDatabase.CreateAsync(sqlite, Projects, WhoopDays);
                Console.WriteLine($"SQLite: {contents}");
                results.AddRange(await MeasureProviderAsync("SQLite", publish, $"sqlite:///{sqlite}", ceiling, contents.Projects));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException)
            {
                problems.Add($"SQLite **failed**: {e.Message.Split('\n')[0]}");
                Console.Error.WriteLine(e);
            }

            var server = PostgresContexts.Server;
            if (server is null)
            {
                problems.Add($"PostgreSQL was **not measured**: `{PostgresContexts.ServerVariable}` was not set.");
            }
            else
            {
                try
                {
                    await using var postgres = await PostgresContexts.CreateAsync(server);
                    var contents = await DashboardDatabase.CreateAsync(postgres, Projects, WhoopDays);
                    Console.WriteLine($"PostgreSQL: {contents}");
                    results.AddRange(await MeasureProviderAsync("PostgreSQL", publish, postgres.ConnectionString, ceiling, contents.Projects));
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or Npgsql.NpgsqlException)
                {
                    problems.Add($"PostgreSQL **failed**: {e.Message.Split('\n')[0]}");
                    Console.Error.WriteLine(e);
                }
            }

            var report = ReadApiReport.Write(results, facts, problems);
            Console.WriteLine(report);
            PerformanceDoc.ReplaceSection(Name, report);
            var met = results.All(r => r.Ratio >= Target) && ReadApiReport.OldAppTargetMet(results);
            return problems.Count > 0 && results.Count == 0 ? 1 : met && problems.Count == 0 ? 0 : 3;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    // The app as deployed: every answer from the shared read models (decision records 0010 and 0019), no response cache.
    private static async Task<List<ReadApiRow>> MeasureProviderAsync(string provider, string publish, string databaseUrl, PublishedApp ceiling, int projects)
    {
        var rows = new List<ReadApiRow>();
        await using var app = await PublishedApp.StartAsync(publish, databaseUrl, new Dictionary<string, string>());
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        foreach (var endpoint in Endpoints(projects))
        {
            rows.Add(await MeasureAsync(http, app, ceiling, provider, endpoint));
        }

        // Under load the app should write nothing per request: a line per request would be the first thing to fix.
        Console.WriteLine($"{provider}: the app wrote {app.OutputLines} console lines, {app.ResidentBytes() / 1024 / 1024} MB resident");
        return rows;
    }

    // Rounds interleave the endpoint with its ceiling (ceiling, endpoint, endpoint, ceiling) so a noisy moment on the
    // machine falls on both; the first two runs only warm up.
    private static async Task<ReadApiRow> MeasureAsync(
        HttpClient http, PublishedApp app, PublishedApp ceilingApp, string provider, ReadEndpoint endpoint)
    {
        var bytes = await CheckAsync(http, endpoint);
        var url = new Uri(app.BaseAddress, endpoint.Path).ToString();
        var ceilingUrl = new Uri(ceilingApp.BaseAddress, $"static?bytes={bytes}").ToString();
        if ((await http.GetByteArrayAsync(ceilingUrl)).Length is var ceilingBytes && Math.Abs(ceilingBytes - bytes) > 128)
        {
            throw new InvalidOperationException($"The static endpoint answered {ceilingBytes} bytes, not about {bytes}.");
        }

        await Wrk.RunAsync(url, Connections, Threads, WarmUp);
        await Wrk.RunAsync(ceilingUrl, Connections, Threads, WarmUp);
        List<WrkResult> measured = [], ceiling = [];
        ceiling.Add(await Wrk.RunAsync(ceilingUrl, Connections, Threads, Round));
        measured.Add(await Wrk.RunAsync(url, Connections, Threads, Round));
        measured.Add(await Wrk.RunAsync(url, Connections, Threads, Round));
        ceiling.Add(await Wrk.RunAsync(ceilingUrl, Connections, Threads, Round));
        // The answer must still be right after the load (what the read models keep must not have broken it).
        await CheckAsync(http, endpoint);

        var row = new ReadApiRow(provider, endpoint.Path, bytes, measured, ceiling);
        Console.WriteLine($"{provider} /{endpoint.Path}: {row.RequestsPerSecond:0} req/s, ceiling {row.CeilingRequestsPerSecond:0} req/s " +
                          $"({row.Ratio:0.00}), p99 {row.P99Ms:0.0} ms (ceiling {row.CeilingP99Ms:0.0} ms), {bytes / 1024.0:0.0} KB");
        return row;
    }

    private static async Task<int> CheckAsync(HttpClient http, ReadEndpoint endpoint)
    {
        using var response = await http.GetAsync(endpoint.Path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode || JsonNode.Parse(body) is not { } json || !endpoint.IsExpected(json))
        {
            throw new InvalidOperationException($"/{endpoint.Path} answered {(int)response.StatusCode} with unexpected content: " +
                                                System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 400))));
        }

        return body.Length;
    }
}

public sealed record ReadEndpoint(string Path, Func<JsonNode, bool> IsExpected);

public sealed record ReadApiRow(string Provider, string Path, int Bytes, IReadOnlyList<WrkResult> Measured, IReadOnlyList<WrkResult> Ceiling)
{
    public double RequestsPerSecond => Rate(Measured);
    public double CeilingRequestsPerSecond => Rate(Ceiling);
    public double Ratio => RequestsPerSecond / CeilingRequestsPerSecond;

    // The worse of the runs: a p99 is a tail, and averaging tails would hide one.
    public double P99Ms => Measured.Max(r => r.P99Ms);
    public double CeilingP99Ms => Ceiling.Max(r => r.P99Ms);
    public int Timeouts => Measured.Sum(r => r.Timeouts);

    private static double Rate(IReadOnlyList<WrkResult> runs) => runs.Sum(r => r.Requests) / runs.Sum(r => r.Seconds);
}
