using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Simulators.Faults;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Web.GitHub;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>Refreshes through the real Octokit client, Hangfire job and database, against the GitHub simulator.</summary>
public sealed class GitHubRefreshTests
{
    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    private static SimulatedRepository AddAlpha(GitHubSimulatorState github)
    {
        var alpha = github.AddRepository("alpha", configure: r =>
        {
            r.Description = "The first project";
            r.SizeKb = 2048;
            r.Languages["C#"] = 3000;
            r.Languages["CSS"] = 1000;
            r.CodeFrequency.Add([1772323200, 1000, -200]);
            r.CodeFrequency.Add([1772928000, 50, -300]);
        });
        github.AddCommit(alpha, At(10, 9));
        github.AddCommit(alpha, At(10, 9, 30));
        github.AddCommit(alpha, At(11, 11));
        github.AddCommit(alpha, At(10, 10), authorLogin: "someone-else");
        return alpha;
    }

    [Fact]
    public async Task Refresh_HandMadeRepositories_StoresExactStatistics()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        AddAlpha(h.Simulator);
        h.Simulator.AddRepository("forked", configure: r => r.Fork = true);
        h.Simulator.AddRepository("old-archive", configure: r => r.Archived = true);
        h.Simulator.AddRepository("someone-elses", owner: "someone-else");

        var job = await h.RefreshAsync();

        Assert.Equal(RefreshJobStatus.Completed, job.Status);
        Assert.Equal(2, job.TotalRepositories); // alpha and the archived one, which has no commit of the owner: no project
        Assert.Equal(2, job.RepositoriesProcessed);
        var alpha = Assert.Single(await h.ProjectsAsync())!;
        Assert.Equal("alpha", (string?)alpha["name"]);
        Assert.Equal("270m", (string?)alpha["time_spent"]);
        Assert.Equal(3, (int?)alpha["commits"]);
        Assert.Equal(2, (int?)alpha["active_days"]);
        Assert.Equal(550, (int?)alpha["loc"]);
        Assert.Equal(1550, (int?)alpha["code_churn"]);
        Assert.False((bool?)alpha["loc_estimated"]);
        Assert.Equal("C#", (string?)alpha["primary_language"]);
        Assert.Equal("2048.0", (string?)alpha["repository_size_kb"]);
        Assert.Equal("03/11/2026, 11:00:00 AM", (string?)alpha["last_finished"]);
        Assert.Equal("2026-03-10T09:00:00Z", (string?)alpha["first_commit_date"]);
        Assert.Equal("The first project", (string?)alpha["description"]);
    }

    [Fact]
    public async Task Refresh_StatisticsComputingTwice_WaitsAndUsesThem()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        var alpha = AddAlpha(h.Simulator);
        alpha.StatisticsComputingResponses = 2;

        await h.RefreshAsync();

        var project = Assert.Single(await h.ProjectsAsync())!;
        Assert.Equal(550, (int?)project["loc"]);
        Assert.False((bool?)project["loc_estimated"]);
        Assert.Equal(3, h.Simulator.Requests.Count(r => r.PathAndQuery.Contains("code_frequency")));
    }

    [Fact]
    public async Task Refresh_StatisticsUnavailable_EstimatesAndSaysSo()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        AddAlpha(h.Simulator).StatisticsUnavailable = true;

        await h.RefreshAsync();

        var project = Assert.Single(await h.ProjectsAsync())!;
        Assert.Equal(4000 / 40, (int?)project["loc"]);
        Assert.True((bool?)project["loc_estimated"]);
    }

    [Fact]
    public async Task Refresh_MoreThanOnePageOfRepositories_StoresEveryOne()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        for (var i = 0; i < 130; i++)
        {
            var repository = h.Simulator.AddRepository($"repo-{i:D3}");
            h.Simulator.AddCommit(repository, At(1 + i % 28, 12));
        }

        var job = await h.RefreshAsync();

        Assert.Equal(130, job.TotalRepositories);
        Assert.Equal(130, job.RepositoriesProcessed);
        Assert.Equal(130, (await h.ProjectsAsync()).Count);
        Assert.Equal(2, h.Simulator.Requests.Count(r => r.PathAndQuery.StartsWith("/user/repos")));
    }

    [Fact]
    public async Task Refresh_NothingChanged_CostsAboutOneConditionalRequestPerRepository()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            h.Simulator.AddCommit(h.Simulator.AddRepository($"repo-{i:D2}"), At(5, 12));
        }

        await h.RefreshAsync();
        h.Simulator.ResetRequestLog();
        var remainingBefore = h.Simulator.RateLimit.Remaining;

        var job = await h.RefreshAsync();

        var requests = h.Simulator.Requests.ToList();
        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        Assert.True(requests.Count <= 20 * 1.05, $"{requests.Count} requests for 20 unchanged repositories");
        Assert.All(requests, r => Assert.Equal(304, r.StatusCode));
        Assert.Equal(remainingBefore, h.Simulator.RateLimit.Remaining);
    }

    [Fact]
    public async Task Refresh_OneRepositoryPushedTo_FetchesOnlyThatOneAndItsNewCommits()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        var alpha = AddAlpha(h.Simulator);
        h.Simulator.AddCommit(h.Simulator.AddRepository("beta"), At(5, 12));
        await h.RefreshAsync();
        h.Simulator.ResetRequestLog();

        h.Simulator.AddCommit(alpha, At(12, 8));
        await h.RefreshAsync();

        Assert.DoesNotContain(h.Simulator.Requests, r => r.PathAndQuery.Contains("/beta/"));
        Assert.Contains(h.Simulator.Requests, r => r.PathAndQuery.Contains("/alpha/compare/"));
        Assert.DoesNotContain(h.Simulator.Requests, r => r.PathAndQuery.Contains("/alpha/commits"));
        var project = (await h.ProjectsAsync()).Single(p => (string?)p!["name"] == "alpha")!;
        Assert.Equal(4, (int?)project["commits"]);
        Assert.Equal("390m", (string?)project["time_spent"]);
    }

    [Fact]
    public async Task Refresh_RateLimitRunsOutMidJob_WaitsForTheResetAndFinishes()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["GitHub:MaxParallelRepositories"] = "1" });
        for (var i = 0; i < 5; i++)
        {
            h.Simulator.AddCommit(h.Simulator.AddRepository($"repo-{i}"), At(5, 12));
        }

        h.Simulator.RateLimit.Remaining = 6; // /user, /user/repos, then the first repository's three requests and one more
        h.Simulator.RateLimit.Reset = h.Clock.GetUtcNow().AddMinutes(10);
        var hub = h.App.Services.GetService(typeof(RefreshProgressHub)) as RefreshProgressHub;
        var waiting = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub!.Changed += job =>
        {
            if (job.StatusMessage?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) == true)
            {
                waiting.TrySetResult(job.StatusMessage);
            }
        };

        var started = await h.StartRefreshAsync();
        var message = await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var status = await h.Client.GetJsonAsync($"/api/github/refresh/status/{(string)started["job_id"]!}");
        h.Clock.Advance(TimeSpan.FromMinutes(11));
        var job = await h.WhenFinishedAsync((string)started["job_id"]!);

        Assert.Contains("reset", message);
        Assert.Equal("running", (string?)status["status"]);
        Assert.Equal(RefreshJobStatus.Completed, job.Status);
        Assert.Equal(5, job.RepositoriesProcessed);
        Assert.Equal(5, (await h.ProjectsAsync()).Count);
    }

    [Fact]
    public async Task Refresh_SecondaryRateLimit_HonoursRetryAfter()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        AddAlpha(h.Simulator);
        h.Simulator.Faults.Add("/repos/octo-owner/alpha/languages", Fault.TooManyRequests(retryAfterSeconds: 0));
        h.Simulator.Faults.Add("/repos/octo-owner/alpha/languages", Fault.Status(403, retryAfterSeconds: 0));

        var job = await h.RefreshAsync();

        Assert.Equal(RefreshJobStatus.Completed, job.Status);
        Assert.Equal(3, h.Simulator.Requests.Count(r => r.PathAndQuery.EndsWith("/languages")));
    }

    [Fact]
    public async Task Refresh_ConcurrentPosts_ShareOneJob()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        AddAlpha(h.Simulator);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => h.StartRefreshAsync()));

        Assert.Single(answers.Select(a => (string?)a["job_id"]).Distinct());
        Assert.Single(answers, a => (bool?)a["created"] == true);
        Assert.All(answers, a => Assert.Equal($"/api/github/refresh/status/{a["job_id"]}", (string?)a["check_status_url"]));
        await h.WhenFinishedAsync((string)answers[0]["job_id"]!);
        Assert.Single((await h.Client.GetJsonAsync("/api/github/refresh/jobs")).AsArray());
    }

    [Fact]
    public async Task Refresh_BadToken_FailsSayingWhatToFix()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(token: "wrong-token");
        AddAlpha(h.Simulator);

        var job = await h.RefreshAsync();

        Assert.Equal(RefreshJobStatus.Failed, job.Status);
        Assert.Contains("GITHUB_ACCESS_TOKEN", job.ErrorMessage);
        Assert.Contains("401", job.ErrorMessage);
        var status = await h.Client.GetJsonAsync($"/api/github/refresh/status/{job.Id}");
        Assert.Equal("failed", (string?)status["status"]);
        Assert.Equal(job.ErrorMessage, (string?)status["error_message"]);
    }

    [Fact]
    public async Task Refresh_GitHubFailsOnALaterRepository_FailsAndKeepsTheProjectsDone()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["GitHub:MaxParallelRepositories"] = "1" });
        AddAlpha(h.Simulator);
        h.Simulator.AddCommit(h.Simulator.AddRepository("beta"), At(5, 12));
        h.Simulator.Faults.Add("/repos/octo-owner/beta/languages", Fault.Status(502), times: 3);

        var job = await h.RefreshAsync();

        Assert.Equal(RefreshJobStatus.Failed, job.Status);
        Assert.Contains("502", job.ErrorMessage);
        Assert.Contains("beta", job.ErrorMessage);
        Assert.Equal(1, job.RepositoriesProcessed);
        var kept = Assert.Single(await h.ProjectsAsync())!;
        Assert.Equal("alpha", (string?)kept["name"]);
    }

    [Fact]
    public async Task Refresh_NoToken_AnswersConflictSayingHowToConfigure()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["GITHUB_ACCESS_TOKEN"] = "" });

        var response = await h.Client.PostAsync("/api/github/refresh", null);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("GITHUB_ACCESS_TOKEN", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LegacyRefreshRoute_FollowedWithPost_StartsARefresh()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        AddAlpha(h.Simulator);
        using var client = h.App.CreateClient(new() { AllowAutoRedirect = true });

        var response = await client.PostAsync("/api/refresh", null);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Startup_JobLeftRunningByACrash_IsResumedAndFinishes()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        AddAlpha(h.Simulator);
        const string jobId = "44444444-4444-4444-4444-444444444444";
        await h.App.SeedAsync(db =>
        {
            db.RefreshJobs.Add(new RefreshJob
            {
                Id = jobId, Status = RefreshJobStatus.Running, StartedAt = At(15, 11), TotalRepositories = 1, BackgroundJobId = "lost-in-the-crash",
            });
            return Task.CompletedTask;
        });

        await h.RestartAsync();
        var job = await h.WhenFinishedAsync(jobId);

        Assert.Equal(RefreshJobStatus.Completed, job.Status);
        Assert.Equal(1, job.RepositoriesProcessed);
        Assert.Equal("alpha", (string?)Assert.Single(await h.ProjectsAsync())!["name"]);
    }

    [Fact]
    public async Task Refresh_OnPostgreSql_RunsThroughHangfiresPostgresStorage()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(database: PostgresTestDatabase.Migrated, jobs: TestJobs.Hangfire);
        AddAlpha(h.Simulator);

        var job = await h.RefreshAsync();

        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        var project = Assert.Single(await h.ProjectsAsync())!;
        Assert.Equal("270m", (string?)project["time_spent"]);
        Assert.Equal(550, (int?)project["loc"]);
    }

    /// <summary>Several machines behind a balancer: clicks on both at the same instant start one job, which both answer.</summary>
    [Fact]
    public async Task Refresh_StartedOnTwoInstancesAtOnce_CreatesOneJob()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(database: PostgresTestDatabase.Migrated, jobs: TestJobs.Hangfire);
        AddAlpha(h.Simulator);
        await using var other = h.StartAnotherInstance();
        using var otherClient = other.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => (i % 2 == 0 ? h.Client : otherClient).PostAsync("/api/github/refresh", null)));

        var jobIds = new HashSet<string>();
        foreach (var answer in answers)
        {
            var body = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.IsSuccessStatusCode, body);
            jobIds.Add((string)System.Text.Json.Nodes.JsonNode.Parse(body)!["job_id"]!);
        }

        var jobId = Assert.Single(jobIds);
        // Either instance's background server may run it; each hub hears of the runs in its own process.
        var job = await await Task.WhenAny(
            h.WhenFinishedAsync(jobId), other.Services.GetRequiredService<RefreshProgressHub>().WhenFinishedAsync(jobId));
        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        Assert.Single(await h.ProjectsAsync());
        await using var db = await other.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.RefreshJobs.CountAsync());
    }
}
