using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Simulators.Faults;
using ProjectTracker.Web.Tests.GitHub;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Tests.Scale;

namespace ProjectTracker.Web.Tests.Robustness;

/// <summary>
/// Issue 7: a fault from the GitHub simulator in the middle of a refresh (two repositories done, the third one's commits
/// fail) ends in a completed job after retrying, or a failed job whose message names the cause; every project is either
/// as before or completely refreshed; no job is left queued or processing; the pages still answer; and the next refresh
/// without faults completes. (The second refresh reads new commits with GitHub's compare, so the commit faults are planned there.)
/// </summary>
public sealed class GitHubSyncFaultTests
{
    private const int Repositories = 5;
    private const string FaultedPath = "/repos/octo-owner/repo-03/";
    // On the harness's fake clock: a Slow fault (4×) times out when the test advances the clock by this, at once.
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Scenario name → the fault, how often it is served in a row, and the error text expected (null: recovers).</summary>
    private static readonly Dictionary<string, (string Path, Fault Fault, int Times, string? Error)> Scenarios = new()
    {
        ["500 once"] = ("compare", Fault.Status(500), 1, null),
        ["500 on every attempt"] = ("compare", Fault.Status(500), 3, "GitHub answered 500"),
        ["timeout once"] = ("compare", Fault.Slow(ClientTimeout * 4), 1, null),
        ["timeout on every attempt"] = ("compare", Fault.Slow(ClientTimeout * 4), 3, "timed out"),
        ["malformed JSON once"] = ("compare", Fault.MalformedJson, 1, null),
        ["malformed JSON on every attempt"] = ("languages", Fault.MalformedJson, 3, "not valid JSON"),
        ["malformed statistics on every attempt"] = ("stats/code_frequency", Fault.MalformedJson, 3, "not valid JSON"),
        ["truncated body once"] = ("compare", Fault.TruncatedBody, 1, null),
        ["truncated body on every attempt"] = ("compare", Fault.TruncatedBody, 3, "broke off its answer"),
        ["429 burst"] = ("compare", Fault.TooManyRequests(0), 2, null),
        ["429 storm"] = ("compare", Fault.TooManyRequests(0), 5, "secondary rate limit"), // as many as the job asks
        ["token revoked"] = ("compare", Fault.AccessRevoked, 1, "GITHUB_ACCESS_TOKEN"),
    };

    public static TheoryData<string> ScenarioNames => [.. Scenarios.Keys];

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task Refresh_FaultMidJob_CompletesOrFailsCleanly(string scenario)
    {
        var (path, fault, times, error) = Scenarios[scenario];
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?>
        {
            ["GitHub:MaxParallelRepositories"] = "1", // one repository after another: the fault comes after two are done
            ["GitHub:RequestTimeout"] = ClientTimeout.ToString(),
        });
        var names = SimulatedRepositories.Add(h.Simulator, Repositories);
        Assert.Equal(RefreshJobStatus.Completed, (await h.RefreshAsync()).Status);
        var before = await SnapshotAsync(h);
        foreach (var repository in h.Simulator.Repositories)
        {
            h.Simulator.AddCommit(repository, new DateTime(2026, 3, 14, 10, 0, 0, DateTimeKind.Utc)); // every one changed
        }

        h.Simulator.Faults.Add(FaultedPath + path, fault, times);
        var job = await h.Simulator.Faults.TimingOutHeldAsync(h.Clock, ClientTimeout, h.RefreshAsync());
        var during = await SnapshotAsync(h);

        Assert.True(h.Simulator.Faults.Pending == 0, $"The fault was not served: {h.Simulator.Faults.Pending} left.");
        if (error is null)
        {
            Assert.True(job.Status == RefreshJobStatus.Completed, $"{scenario}: {job.ErrorMessage}");
        }
        else
        {
            Assert.Equal(RefreshJobStatus.Failed, job.Status);
            Assert.Contains(error, job.ErrorMessage);
            if (fault.Kind != FaultKind.AccessRevoked)
            {
                Assert.Contains("repo-03", job.ErrorMessage);
            }
        }

        await AssertNothingStuckAsync(h);
        await AssertPagesAnswerAsync(h, job.Id);

        h.Simulator.Tokens.Add("test-token"); // after a revoked token: the owner put a new one in place
        var next = await h.RefreshAsync();
        Assert.True(next.Status == RefreshJobStatus.Completed, next.ErrorMessage);
        var after = await SnapshotAsync(h);
        Assert.Equal(names, after.Keys.Order());
        Assert.All(after.Values, p => Assert.Equal(SimulatedRepositories.CommitsEach + 1, p.CommitCount));
        foreach (var name in names)
        {
            // Each project is as it was, or as a complete refresh leaves it: never something in between.
            Assert.True(during[name] == before[name] || during[name] == after[name],
                $"{name} is half-written: {during[name]}\nbefore: {before[name]}\nafter: {after[name]}");
        }

        if (error is not null && fault.Kind != FaultKind.AccessRevoked)
        {
            // The repositories done before the fault are kept; the faulted one is not touched.
            Assert.Equal([after["repo-01"], after["repo-02"], before["repo-03"]], [during["repo-01"], during["repo-02"], during["repo-03"]]);
        }
    }

    /// <summary>
    /// No job row left queued or running, and no background job left running (the job ends just after our row): with
    /// inline jobs, every one has returned; on Hangfire, nothing is left enqueued or processing.
    /// </summary>
    private static async Task AssertNothingStuckAsync(GitHubRefreshHarness h)
    {
        await using (var db = await Contexts(h).CreateDbContextAsync())
        {
            Assert.Equal(0, await db.RefreshJobs.CountAsync(j => j.Status == RefreshJobStatus.Queued || j.Status == RefreshJobStatus.Running));
        }

        if (h.App.Jobs == TestJobs.Inline)
        {
            await h.App.Services.GetRequiredService<InlineJobClient>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
            return;
        }

        var monitoring = h.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (monitoring.ProcessingCount() + monitoring.EnqueuedCount("default") > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, monitoring.ProcessingCount() + monitoring.EnqueuedCount("default"));
    }

    /// <summary>The dashboard and the API answer normally after the fault: no exception page, no 5xx.</summary>
    private static async Task AssertPagesAnswerAsync(GitHubRefreshHarness h, string jobId)
    {
        foreach (var url in new[] { "/github", "/github/repo-03", "/", "/api/github/projects", "/api/github/metrics", $"/api/github/refresh/status/{jobId}" })
        {
            using var response = await h.Client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
            Assert.DoesNotContain("unhandled exception", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static IDbContextFactory<TrackerDbContext> Contexts(GitHubRefreshHarness h) =>
        h.App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>();

    /// <summary>Every project's stored statistics, commits and daily counts (not when it was refreshed).</summary>
    private static async Task<Dictionary<string, ProjectSnapshot>> SnapshotAsync(GitHubRefreshHarness h)
    {
        await using var db = await Contexts(h).CreateDbContextAsync();
        var projects = await db.Projects.AsNoTracking().ToListAsync();
        var commits = await db.ProjectCommits.AsNoTracking().GroupBy(c => c.ProjectId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var days = await db.ProjectDailyCommits.AsNoTracking().GroupBy(d => d.ProjectId).Select(g => new { g.Key, Sum = g.Sum(d => d.Commits) }).ToDictionaryAsync(g => g.Key, g => g.Sum);
        return projects.ToDictionary(p => p.Name, p => new ProjectSnapshot(
            p.CommitCount, p.ActiveDays, p.TimeSpentMin, p.Loc, p.CodeChurn, p.PrimaryLanguage, p.LastCommitDate, p.SyncedPushedAt,
            commits.GetValueOrDefault(p.Id), days.GetValueOrDefault(p.Id)));
    }

    private sealed record ProjectSnapshot(
        int? CommitCount, int? ActiveDays, double? TimeSpentMin, int? Loc, int? CodeChurn, string? Language, DateTime? LastCommit,
        DateTime? SyncedPushedAt, int StoredCommits, int DailyCommitSum);
}
