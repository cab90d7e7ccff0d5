using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ProjectTracker.Web.Tests.Browser;
using ProjectTracker.Web.Tests.Integration;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Robustness;

/// <summary>
/// Issue 7's soak: the app as its own process under mixed load for <see cref="Duration"/> — API readers on several
/// endpoints, refreshes (POSTs and clicks in the open pages) that run real syncs against the simulators, and 20 open
/// dashboards (Blazor circuits in headless chromium) — answers no 5xx, keeps every circuit, fails no sync, and its memory
/// after warm-up does not grow by more than 10%.
/// </summary>
/// <remarks>
/// Memory is the app process's resident set (VmRSS), sampled 15 times a measurement window (15 s, or a fifth of a shorter
/// run), under workstation GC (see <see cref="SoakApp"/>); nothing forces a GC, so single samples are noisy. The baseline
/// is the median of the window after the warm-up (a third of the run, at least 60 s when the run is long enough: the JIT,
/// caches, pools and the 20 circuits settle first), the end is the median of the last window. The default run is short
/// (every test run has it); the long runs (<c>bench/run-all.sh</c>) are the ones whose memory check means a leak.
/// </remarks>
public sealed class SoakTests(SoakApp app, ITestOutputHelper output) : IClassFixture<SoakApp>
{
    /// <summary>Seconds of load; 15 unless set (e.g. <c>SOAK_SECONDS=1800</c> for a longer run on a workstation).</summary>
    public const string DurationVariable = "SOAK_SECONDS";

    private const int Dashboards = 20;
    // GitHub refreshes (the first sync's included) the load runs at least, however long that takes on a busy machine.
    private const int MinimumRefreshes = 5;
    private static readonly TimeSpan LongestOvertime = TimeSpan.FromSeconds(90);
    private const int Readers = 3;
    private const double AllowedGrowth = 0.10;
    private static readonly TimeSpan LongestWindow = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LongestWarmUp = TimeSpan.FromSeconds(60);
    // At most every 3 s; a short run refreshes more often so that it still has its refreshes to count.
    private static readonly TimeSpan LongestRefreshPause = TimeSpan.FromSeconds(3);

    // Readers pause between requests: the load leaves room for the syncs and the circuits on two shared cores.
    private static readonly TimeSpan ReaderPause = TimeSpan.FromMilliseconds(10);
    private const int MinimumAnswersPerRead = 10;

    private static readonly string[] Reads =
    [
        "/api/github/projects", "/api/github/metrics", "/api/github/project/{project}", "/api/github/refresh/jobs?limit=20",
        "/api/whoop/recovery?days=30", "/api/whoop/sleep?days=30", "/api/whoop/cycles?days=30", "/api/whoop/workouts?days=90",
        "/api/whoop/metrics?days=90", "/api/whoop/status", "/api/projects", "/healthz",
    ];

    private readonly ConcurrentDictionary<string, int> _answers = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();

    public static TimeSpan Duration =>
        int.TryParse(Environment.GetEnvironmentVariable(DurationVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(15);

    [Fact]
    public async Task MixedLoad_ForTheSoakDuration_NoServerErrorsNoLostCircuitsNoMemoryGrowth()
    {
        var duration = Duration;
        var window = Min(LongestWindow, duration / 5);
        var warmUp = Max(duration / 3, Min(LongestWarmUp, duration - 2 * window));
        Assert.True(duration >= warmUp + 2 * window, $"{DurationVariable} is too short for a warm-up and two measurements: at least {(warmUp + 2 * window).TotalSeconds} s.");
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        await FirstSyncAsync(http);
        var pages = await OpenDashboardsAsync();

        var samples = new ConcurrentQueue<(TimeSpan At, long Bytes)>();
        var clock = Stopwatch.StartNew();
        using var durationOver = new CancellationTokenSource(duration);
        using var loadOver = new CancellationTokenSource();
        var project = (string)(await http.GetJsonAsync("/api/github/projects")).AsArray()[0]!["name"]!;
        await Task.WhenAll(Enumerable.Range(0, Readers).Select(r => ReadAsync(http, r, project, loadOver.Token))
            .Append(EndLoadAfterAsync(RefreshAsync(http, pages, Min(LongestRefreshPause, duration / 10), durationOver.Token), loadOver))
            .Append(SampleAsync(samples, clock, window / 15, loadOver.Token)));

        var jobs = await WhenRefreshesSettledAsync(http);
        output.WriteLine(string.Join('\n', _answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}")));
        var (baseline, end) = Measure([.. samples], warmUp, window);
        Assert.True(_serverErrors.IsEmpty, $"{_serverErrors.Count} server errors:\n{string.Join('\n', _serverErrors.Take(20))}\n{app.ServerErrors}");
        Assert.True(app.ServerErrors.Length == 0, $"The app logged errors:\n{app.ServerErrors}");
        // Every read answered again and again through the whole run, however busy the machine (a total of 500 in 15 s
        // failed on a machine building two other branches meanwhile: about 460, 35 to 37 each).
        var reads = _answers.Where(a => a.Key.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        Assert.True(reads.Count >= Reads.Length && reads.All(a => a.Value >= MinimumAnswersPerRead),
            $"The readers hardly ran: {string.Join(", ", reads.Select(a => $"{a.Key} {a.Value}"))}");
        Assert.All(jobs, job => Assert.True((string?)job!["status"] == "completed", $"A refresh failed: {job.ToJsonString()}"));
        Assert.True(jobs.Count >= MinimumRefreshes, $"Only {jobs.Count} GitHub refreshes ran.");
        foreach (var page in pages)
        {
            await page.WaitUntilInteractiveAsync(); // the circuit is still there
            page.AssertNoErrors();
            await page.DisposeAsync();
        }

        Assert.True(end <= baseline * (1 + AllowedGrowth),
            $"Memory grew {(end - baseline) * 100.0 / baseline:0.0}% after the warm-up: {Megabytes(baseline)} → {Megabytes(end)} (allowed {AllowedGrowth:P0}).");
    }

    /// <summary>The data the dashboards and readers show: one complete GitHub refresh and a WHOOP sync of the whole history.</summary>
    private static async Task FirstSyncAsync(HttpClient http)
    {
        var job = await StartGitHubRefreshAsync(http);
        await WaitUntilAsync(async () => (string?)(await http.GetJsonAsync($"/api/github/refresh/status/{job}"))["status"] is "completed", "the first GitHub refresh");
        // Over 90 days: a background job (202) followed at its status URL.
        using var whoop = await http.PostAsync($"/api/whoop/refresh?days={SoakApp.WhoopDays}", null);
        var statusUrl = (string)(await JsonAssertions.ReadAsync(whoop, HttpStatusCode.Accepted))["check_status_url"]!;
        await WaitUntilAsync(async () => (string?)(await http.GetJsonAsync(statusUrl))["status"] is "completed", "the first WHOOP sync");
    }

    /// <summary>Half GitHub, half WHOOP dashboards, each its own page and circuit, opened a few at a time.</summary>
    private async Task<List<BrowserSession>> OpenDashboardsAsync()
    {
        var pages = new List<BrowserSession>();
        foreach (var batch in Enumerable.Range(0, Dashboards).Chunk(4))
        {
            pages.AddRange(await Task.WhenAll(batch.Select(async i =>
            {
                var session = await app.OpenPageAsync(output, $"{nameof(SoakTests)}.{i}");
                var response = await session.Page.GotoAsync(i % 2 == 0 ? "/github" : "/whoop?days=30");
                Count($"page {(i % 2 == 0 ? "/github" : "/whoop")}", response?.Status ?? 0);
                await session.WaitUntilInteractiveAsync();
                return session;
            })));
        }

        return pages;
    }

    private async Task ReadAsync(HttpClient http, int reader, string project, CancellationToken stop)
    {
        for (var i = reader; !stop.IsCancellationRequested; i++)
        {
            var url = Reads[i % Reads.Length].Replace("{project}", project, StringComparison.Ordinal);
            using var response = await http.GetAsync(url, CancellationToken.None);
            Count($"GET {url}", (int)response.StatusCode, await response.Content.ReadAsStringAsync(CancellationToken.None));
            await PauseAsync(ReaderPause, stop);
        }
    }

    /// <summary>
    /// Every <paramref name="every"/> until the soak's duration is over and at least <see cref="MinimumRefreshes"/> GitHub
    /// refreshes have run: a push to one repository, then a GitHub refresh (by API or by a click in an open page) and a
    /// WHOOP sync. On a busy machine (the rest of the run goes on beside the soak) the load lasts longer rather than
    /// refreshing less.
    /// </summary>
    private async Task RefreshAsync(HttpClient http, List<BrowserSession> pages, TimeSpan every, CancellationToken durationOver)
    {
        var github = pages.Where((_, i) => i % 2 == 0).ToList();
        var repositories = app.GitHub.State.Repositories.Where(r => !r.Fork && !r.Archived).ToList();
        var clock = Stopwatch.StartNew();
        for (var i = 0; !durationOver.IsCancellationRequested || await RefreshJobCountAsync(http) < MinimumRefreshes; i++)
        {
            Assert.True(clock.Elapsed < Duration + LongestOvertime,
                $"Fewer than {MinimumRefreshes} GitHub refreshes ran in the soak's {Duration.TotalSeconds} s and {LongestOvertime.TotalSeconds} s more.");

            app.GitHub.State.AddCommit(repositories[i % repositories.Count], DateTime.UtcNow);
            if (i % 2 == 0)
            {
                using var response = await http.PostAsync("/api/github/refresh", null, CancellationToken.None);
                Count("POST /api/github/refresh", (int)response.StatusCode, await response.Content.ReadAsStringAsync(CancellationToken.None));
            }
            else
            {
                var button = github[i / 2 % github.Count].Page.GetByTestId("github-refresh");
                if (await button.IsEnabledAsync())
                {
                    await button.ClickAsync();
                    Count("click github-refresh", 200);
                }
            }

            using (var whoop = await http.PostAsync("/api/whoop/refresh?days=7", null, CancellationToken.None))
            {
                Count("POST /api/whoop/refresh", (int)whoop.StatusCode, await whoop.Content.ReadAsStringAsync(CancellationToken.None));
            }

            await Task.Delay(every, CancellationToken.None);
        }
    }

    private static async Task<int> RefreshJobCountAsync(HttpClient http) =>
        (await http.GetJsonAsync("/api/github/refresh/jobs?limit=100")).AsArray().Count;

    /// <summary>The readers and the memory samples go on as long as the refreshes do.</summary>
    private static async Task EndLoadAfterAsync(Task refreshes, CancellationTokenSource loadOver)
    {
        try
        {
            await refreshes;
        }
        finally
        {
            await loadOver.CancelAsync();
        }
    }

    private async Task SampleAsync(ConcurrentQueue<(TimeSpan, long)> samples, Stopwatch clock, TimeSpan every, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every);
        do
        {
            samples.Enqueue((clock.Elapsed, app.ResidentBytes()));
        }
        while (await PauseAsync(timer, stop));
    }

    /// <summary>Waits for the last refresh to end; answers every GitHub refresh job of the run.</summary>
    private static async Task<JsonArray> WhenRefreshesSettledAsync(HttpClient http)
    {
        JsonArray jobs = [];
        await WaitUntilAsync(async () =>
        {
            jobs = (await http.GetJsonAsync("/api/github/refresh/jobs?limit=100")).AsArray();
            return jobs.All(j => (string?)j!["status"] is "completed" or "failed");
        }, "the last GitHub refresh to end");
        return jobs;
    }

    /// <summary>Median of the samples just after the warm-up, and of the last ones.</summary>
    private (long Baseline, long End) Measure(List<(TimeSpan At, long Bytes)> samples, TimeSpan warmUp, TimeSpan window)
    {
        foreach (var bucket in samples.GroupBy(s => (int)(s.At.TotalSeconds / 10)))
        {
            output.WriteLine($"{bucket.Key * 10,4} s: RSS {Megabytes(Median(bucket.Select(s => s.Bytes)))} (median of {bucket.Count()})");
        }

        var last = samples[^1].At;
        var baseline = Median(samples.Where(s => s.At >= warmUp && s.At < warmUp + window).Select(s => s.Bytes));
        var end = Median(samples.Where(s => s.At > last - window).Select(s => s.Bytes));
        output.WriteLine($"baseline (after {warmUp.TotalSeconds:0} s) {Megabytes(baseline)}, end {Megabytes(end)}: {(end - baseline) * 100.0 / baseline:+0.0;-0.0}%");
        return (baseline, end);
    }

    private void Count(string what, int status, string body = "")
    {
        _answers.AddOrUpdate($"{what} → {status}", 1, (_, n) => n + 1);
        if (status >= 500 || status == 0)
        {
            _serverErrors.Enqueue($"{what} → {status}: {body[..Math.Min(body.Length, 300)]}");
        }
    }

    private static async Task<string> StartGitHubRefreshAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/api/github/refresh", null);
        return (string)(await JsonAssertions.ReadAsync(response, HttpStatusCode.Accepted))["job_id"]!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), $"Waited 90 s for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>False once the soak is over (instead of throwing).</summary>
    private static async Task<bool> PauseAsync(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> PauseAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        Assert.NotEmpty(sorted);
        return sorted[sorted.Count / 2];
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Megabytes(long bytes) => $"{bytes / 1048576.0:0.0} MB";
}
