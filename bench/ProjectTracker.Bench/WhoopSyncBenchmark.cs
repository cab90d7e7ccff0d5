using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Simulators.Whoop;

namespace ProjectTracker.Bench;

/// <summary>
/// The real WHOOP sync (<see cref="WhoopSyncService"/> over HTTP into SQLite) against the simulator with added latency:
/// a one-year backfill, then the hourly job's window, then a five-year backfill that must queue behind WHOOP's limit of
/// 100 requests a minute. Counts requests per collection; the backfill's wall time is set against the bare transport
/// (the same requests replayed one by one through the same latency, nothing parsed or stored) measured in the same run.
/// </summary>
public static class WhoopSyncBenchmark
{
    public const string Name = "whoop-sync";
    public const string Title = "WHOOP sync (one-year backfill, hourly job, five-year backfill under the rate limit; 50 ms added per request)";

    public const string Description = """
        What it does (about 2.5 minutes, most of it waiting out WHOOP's rate limit on purpose): starts the WHOOP simulator on
        loopback filled by `WhoopDataGenerator` (seed 7: one cycle, sleep and recovery a day, naps, workouts, a week away at
        UTC+1 every 60 days, the newest records still pending) and runs the real `WhoopSyncService` (`WhoopApiClient` over
        HTTP, SQLite) through an `HttpClient` handler that adds the latency to every request and logs it. First a one-year
        backfill (`SyncDaysAsync` over 365 days, as `POST /api/whoop/refresh?days=365` does), then the same requests replayed
        one after another with nothing parsed or stored (the transport floor, the baseline of the same run), then the hourly
        job's window (the last 3 days, ±14 h for time zones); the simulator's limit is lifted for that part. Last, on a fresh
        simulator and database with WHOOP's real limit (100 requests a minute, `X-RateLimit-*` headers, 429 when spent), a
        five-year backfill, which would otherwise send its ~300 requests in a quarter of a minute. Targets: at most one
        request per 25 records per collection (WHOOP's largest page), the hourly job ≤ 8 requests, no 429 (100 a minute never
        exceeded as WHOOP counts it).
        """;

    private static readonly string[] Collections = ["cycle", "activity/sleep", "recovery", "activity/workout"];

    public static async Task<int> RunAsync(string[] args)
    {
        var latency = TimeSpan.FromMilliseconds(args.Length > 0 ? int.Parse(args[0]) : 50);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Console.WriteLine($"WHOOP sync benchmark: {latency.TotalMilliseconds:0} ms added per request, {Environment.ProcessorCount} cores, {today:yyyy-MM-dd}");

        var failures = new List<string>();

        await using (var whoop = await WhoopSimulatorServer.StartAsync())
        {
            WhoopDataGenerator.Populate(whoop.State, days: 365);
            // The limit is the five-year run's subject; here it would only make the bare replay wait for the next minute.
            whoop.State.RequestsPerMinute = int.MaxValue;
            await using var run = await SyncRun.StartAsync(whoop, latency);

            var backfill = await run.SyncAsync(DateRange.LastDays(365, today), "backfill");
            var transport = await run.ReplayAsync(backfill.Requests);
            var hourly = await run.SyncAsync(DateRange.LastDays(ScheduledDays, today), "scheduled");

            Console.WriteLine();
            Console.WriteLine("| sync | collection | records | requests | pages needed (records / 25) |");
            Console.WriteLine("| --- | --- | --- | --- | --- |");
            foreach (var (label, result) in new[] { ("one-year backfill", backfill), ($"hourly job ({ScheduledDays} days)", hourly) })
            {
                foreach (var collection in Collections)
                {
                    var records = result.Records[collection];
                    var requests = result.Requests.Count(r => r.Collection == collection);
                    var needed = Math.Max(1, (int)Math.Ceiling(records / 25.0));
                    Console.WriteLine($"| {label} | {collection} | {records} | {requests} | {needed} |");
                    if (requests > needed)
                    {
                        failures.Add($"{label}: {requests} requests for {records} {collection} records (at most {needed})");
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"- One-year backfill: {backfill.Requests.Count} requests in {backfill.Elapsed.TotalSeconds:0.00} s; " +
                              $"the same requests replayed bare took {transport.TotalSeconds:0.00} s: **{backfill.Elapsed / transport:0.00}× the transport floor**.");
            Console.WriteLine($"- Hourly job: **{hourly.Requests.Count} requests** (target ≤ 8) in {hourly.Elapsed.TotalSeconds:0.00} s.");
            if (hourly.Requests.Count > 8)
            {
                failures.Add($"hourly job: {hourly.Requests.Count} requests (at most 8)");
            }
        }

        // Five years is about 300 requests: only WHOOP's limit keeps them from going out in a quarter of a minute.
        await using (var whoop = await WhoopSimulatorServer.StartAsync())
        {
            WhoopDataGenerator.Populate(whoop.State, days: 5 * 365);
            await using var run = await SyncRun.StartAsync(whoop, latency);
            var limit = whoop.State.RequestsPerMinute;
            var backfill = await run.SyncAsync(DateRange.LastDays(5 * 365, today), "backfill");
            var busiest = BusiestMinute(backfill.Requests);
            var refused = backfill.Requests.Count(r => r.Status == 429);
            Console.WriteLine($"- Five-year backfill under WHOOP's limit of {limit} a minute: {backfill.Requests.Count} requests in " +
                              $"{backfill.Elapsed.TotalSeconds:0} s, **{refused} answered 429**, at most {busiest} sent in any 60 s " +
                              "(sliding; WHOOP counts fixed minutes, so two edges of adjacent windows may add up to more than the limit).");
            if (refused > 0)
            {
                failures.Add($"five-year backfill: {refused} requests refused with 429");
            }
        }

        foreach (var failure in failures)
        {
            Console.WriteLine($"TARGET MISSED: {failure}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>The window <c>WhoopScheduledSync</c> asks for every hour.</summary>
    private const int ScheduledDays = 3;

    private static int BusiestMinute(IReadOnlyList<LoggedRequest> requests)
    {
        var sent = requests.Select(r => r.SentAt).Order().ToList();
        var busiest = 0;
        for (int first = 0, last = 0; last < sent.Count; last++)
        {
            while (sent[last] - sent[first] >= TimeSpan.FromMinutes(1))
            {
                first++;
            }

            busiest = Math.Max(busiest, last - first + 1);
        }

        return busiest;
    }

    private sealed record LoggedRequest(Uri Uri, string Collection, TimeSpan SentAt, int Status);

    private sealed record SyncResult(TimeSpan Elapsed, IReadOnlyList<LoggedRequest> Requests, IReadOnlyDictionary<string, int> Records);

    /// <summary>A fresh database and the app's WHOOP client over a handler that adds latency and logs every request.</summary>
    private sealed class SyncRun : IAsyncDisposable
    {
        private readonly DirectoryInfo _folder;
        private readonly LoggingHandler _log;
        private readonly HttpClient _http;
        private readonly WhoopSyncService _sync;
        private readonly string _accessToken;

        private SyncRun(DirectoryInfo folder, LoggingHandler log, HttpClient http, WhoopSyncService sync, string accessToken)
        {
            _folder = folder;
            _log = log;
            _http = http;
            _sync = sync;
            _accessToken = accessToken;
        }

        public static async Task<SyncRun> StartAsync(WhoopSimulatorServer whoop, TimeSpan latency)
        {
            var folder = Directory.CreateTempSubdirectory("pt-bench-whoop-");
            var contexts = new SqliteContexts($"{folder.FullName}/bench.db");
            await using (var db = contexts.CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            var log = new LoggingHandler(latency) { InnerHandler = new SocketsHttpHandler() };
            var http = new HttpClient(log) { Timeout = TimeSpan.FromSeconds(30) };
            var api = new WhoopApiClient(http, new WhoopOptions { ApiBaseUrl = whoop.ApiBaseUrl }, new WhoopRateLimiter(TimeProvider.System));
            var sync = new WhoopSyncService(contexts, api, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<WhoopSyncService>.Instance);
            return new SyncRun(folder, log, http, sync, whoop.State.AccessTokens.First());
        }

        public async Task<SyncResult> SyncAsync(DateRange days, string syncType)
        {
            _log.Reset();
            var watch = Stopwatch.StartNew();
            var result = await _sync.SyncDaysAsync(days, _accessToken, syncType, CancellationToken.None);
            watch.Stop();
            var records = new Dictionary<string, int>
            {
                ["cycle"] = result.Cycles, ["activity/sleep"] = result.Sleep, ["recovery"] = result.Recovery, ["activity/workout"] = result.Workouts,
            };
            return new SyncResult(watch.Elapsed, _log.Requests, records);
        }

        /// <summary>The same requests, one after another, each body read and dropped.</summary>
        public async Task<TimeSpan> ReplayAsync(IReadOnlyList<LoggedRequest> requests)
        {
            var watch = Stopwatch.StartNew();
            foreach (var logged in requests)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, logged.Uri);
                request.Headers.Authorization = new("Bearer", _accessToken);
                using var response = await _http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
            }

            return watch.Elapsed;
        }

        public ValueTask DisposeAsync()
        {
            _http.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _folder.Delete(recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class LoggingHandler(TimeSpan latency) : DelegatingHandler
    {
        private readonly ConcurrentQueue<LoggedRequest> _requests = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public IReadOnlyList<LoggedRequest> Requests => [.. _requests];

        public void Reset() => _requests.Clear();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sentAt = _clock.Elapsed;
            await Task.Delay(latency, cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            var path = request.RequestUri!.AbsolutePath;
            var collection = Collections.FirstOrDefault(c => path.EndsWith("/v2/" + c, StringComparison.Ordinal)) ?? path;
            _requests.Enqueue(new LoggedRequest(request.RequestUri, collection, sentAt, (int)response.StatusCode));
            return response;
        }
    }
}
