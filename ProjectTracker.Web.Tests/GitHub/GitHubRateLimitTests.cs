using ProjectTracker.Domain.GitHub;
using ProjectTracker.Simulators.Faults;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Web.GitHub;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>
/// Issue 11, point 5: rate limits as GitHub asks. The simulator refuses and counts every request sent while the primary
/// budget is spent (403 or 429) or while a secondary limit's <c>Retry-After</c> runs.
/// </summary>
public sealed class GitHubRateLimitTests
{
    private const int Repositories = 30;

    private static void AddRepositories(GitHubRefreshHarness h)
    {
        for (var i = 0; i < Repositories; i++)
        {
            h.Simulator.AddCommit(h.Simulator.AddRepository($"repo-{i:D2}"), new DateTime(2026, 3, 5, 12, 0, 0, DateTimeKind.Utc));
        }
    }

    /// <summary>Completes when the job's status message contains <paramref name="text"/>.</summary>
    private static Task<string> StatusContainingAsync(GitHubRefreshHarness h, string text)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        h.App.Services.GetRequiredService<RefreshProgressHub>().Changed += job =>
        {
            if (job.StatusMessage?.Contains(text, StringComparison.OrdinalIgnoreCase) == true)
            {
                seen.TrySetResult(job.StatusMessage);
            }
        };
        return seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(403, TestDatabases.Sqlite)]
    [InlineData(429, TestDatabases.Sqlite)]
    [InlineData(429, TestDatabases.Postgres)]
    public async Task Refresh_LimitRunsOutMidRefresh_AtMostThreeRefusedThenFinishesAfterTheReset(int refusedWith, string provider)
    {
        await using var h = await GitHubRefreshHarness.StartAsync(database: TestDatabases.For(provider));
        AddRepositories(h);
        h.Simulator.RateLimit.Remaining = 40; // a third of what the refresh needs (four requests a repository)
        h.Simulator.RateLimit.Reset = h.Clock.GetUtcNow().AddMinutes(10);
        h.Simulator.RateLimit.ExhaustedStatus = refusedWith;
        var waiting = StatusContainingAsync(h, "rate limit");

        var started = await h.StartRefreshAsync();
        var message = await waiting;
        h.Clock.Advance(TimeSpan.FromMinutes(11));
        var job = await h.WhenFinishedAsync((string)started["job_id"]!);

        Assert.Contains("reset", message);
        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        Assert.Equal(Repositories, (await h.ProjectsAsync()).Count);
        Assert.True(h.Simulator.RateLimit.Refused <= 3, $"{h.Simulator.RateLimit.Refused} requests were sent with the limit spent");
    }

    [Fact]
    public async Task Refresh_SecondaryLimit_NoWorkerSendsARequestUntilRetryAfterPassed()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["GitHub:MaxParallelRepositories"] = "8" });
        AddRepositories(h);
        h.Simulator.Faults.Add("/repos/octo-owner/repo-05/languages", Fault.Status(403, retryAfterSeconds: 30));
        var paused = StatusContainingAsync(h, "slow down");

        var started = await h.StartRefreshAsync();
        await paused;
        var requestsWhenPaused = h.Simulator.Requests.Count;
        // Waiting for nothing to happen can only be a wait: the clock stands still, so no pause could end meanwhile.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var requestsAfterAWhile = h.Simulator.Requests.Count;
        var refusedInTheWindow = h.Simulator.SecondaryLimit.RequestsDuringLimit;
        h.Clock.Advance(TimeSpan.FromSeconds(31));
        var job = await h.WhenFinishedAsync((string)started["job_id"]!);

        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        Assert.Equal(Repositories, (await h.ProjectsAsync()).Count);
        Assert.True(requestsAfterAWhile - requestsWhenPaused <= 2 * 8, $"{requestsAfterAWhile - requestsWhenPaused} requests arrived after the pause began");
        // Only requests already on their way when GitHub refused the first one (at most two per worker).
        Assert.True(refusedInTheWindow <= 2 * 8, $"{refusedInTheWindow} requests arrived during the Retry-After");
        Assert.Equal(refusedInTheWindow, h.Simulator.SecondaryLimit.RequestsDuringLimit);
    }

    [Fact]
    public async Task Refresh_ListingPageRefused_ResumesFromThatPage()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        for (var i = 0; i < 250; i++)
        {
            h.Simulator.AddRepository($"empty-{i:D3}");
        }

        h.Simulator.Faults.Add("/user/repos", Fault.Status(502), after: 2); // the third page

        var job = await h.RefreshAsync();

        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        var pages = h.Simulator.Requests.Where(r => r.PathAndQuery.StartsWith("/user/repos")).Select(r => r.PathAndQuery).ToList();
        Assert.Equal(4, pages.Count); // pages 1, 2, 3 (refused), 3 again
        Assert.Single(pages, p => !p.Contains("&page="));
        Assert.Equal(2, pages.Count(p => p.Contains("&page=3")));
    }
}
