using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Scale;

/// <summary>
/// SPEC "GitHub sync": a job left running by a crash or a restart is resumed (or failed) at start-up, never stuck; each
/// repository is written all-or-nothing, so an interrupted refresh leaves no half-written project.
/// </summary>
[Collection(ScaleProcessesCollection.Name)]
public sealed class InterruptedRefreshTests
{
    private const int Repositories = 16;

    [Fact]
    public Task Refresh_ProcessKilledMidJob_IsResumedAfterRestartWithoutHalfWrittenProjects() =>
        InterruptAndRestartAsync(async instance =>
        {
            await instance.Process.StopAsync(); // Process.Kill: SIGKILL, nothing runs on the way out
        });

    [Fact]
    public Task Refresh_ProcessStoppedGracefullyMidJob_IsResumedAfterRestartWithoutHalfWrittenProjects() =>
        InterruptAndRestartAsync(async instance =>
        {
            var exitCode = await instance.Process.TerminateAsync();
            Assert.True(exitCode == 0, $"SIGTERM ended the app with {exitCode}.\n{instance.Process.Describe()}");
        });

    /// <summary>On SQLite the job queue is in memory and dies with the process: start-up enqueues the job again.</summary>
    [Fact]
    public Task Refresh_ProcessKilledMidJobOnSqlite_IsResumedAfterRestartWithoutHalfWrittenProjects() =>
        InterruptAndRestartAsync(instance => instance.Process.StopAsync(), new SqliteTestDatabase());

    private static async Task InterruptAndRestartAsync(Func<AppInstance, Task> interrupt, ITestDatabase? database = null)
    {
        await using var cluster = await AppCluster.CreateAsync(new Dictionary<string, string>
        {
            ["GitHub__MaxParallelRepositories"] = "1", // one repository after another: progress moves in steps we can see
        }, database);
        var names = SimulatedRepositories.Add(cluster.Simulator, Repositories);
        cluster.Simulator.AddedLatency = TimeSpan.FromMilliseconds(150);
        var first = await cluster.StartInstanceAsync();

        var jobId = await first.StartRefreshAsync();
        var midway = await cluster.WaitForJobAsync(first, jobId, job => (int?)job["repositories_processed"] >= 3, "to pass 3 repositories");
        await interrupt(first);

        var left = await cluster.RowsAsync($"SELECT status FROM refresh_job WHERE id = '{jobId}'");
        Assert.True((int?)midway["repositories_processed"] < Repositories, $"The job finished before the interruption: {midway.ToJsonString()}");
        Assert.Contains(Assert.Single(left), new[] { "running", "failed" });
        await AssertNoHalfWrittenProjectAsync(cluster);

        cluster.Simulator.AddedLatency = TimeSpan.Zero;
        var second = await cluster.StartInstanceAsync();
        var resumed = await cluster.WaitForJobAsync(second, jobId, AppCluster.IsFinished, "to be resumed or failed after the restart");

        Assert.True((string?)resumed["status"] == "completed" || !string.IsNullOrWhiteSpace((string?)resumed["error_message"]),
            $"A failed job must say why: {resumed.ToJsonString()}");
        await AssertNoHalfWrittenProjectAsync(cluster);
        var next = await second.StartRefreshAsync();
        Assert.NotEqual(jobId, next);
        var nextJob = await cluster.WaitForJobAsync(second, next, AppCluster.IsFinished, "(the next refresh) to finish");
        Assert.True((string?)nextJob["status"] == "completed", $"{nextJob.ToJsonString()}\n{cluster.Describe()}");
        Assert.Equal(names, await cluster.RowsAsync("SELECT name FROM project ORDER BY name"));
        Assert.Equal(0, await cluster.ScalarAsync("SELECT COUNT(*) FROM refresh_job WHERE status IN ('queued', 'running')"));
        await AssertNoHalfWrittenProjectAsync(cluster);
    }

    /// <summary>Every stored project has all of its commits and daily counts, and appears once.</summary>
    private static async Task AssertNoHalfWrittenProjectAsync(AppCluster cluster)
    {
        const int each = SimulatedRepositories.CommitsEach;
        var partial = await cluster.RowsAsync($"""
            SELECT p.name, p.commit_count, p.refreshed_at,
                   (SELECT COUNT(*) FROM project_commit c WHERE c.project_id = p.id),
                   (SELECT COALESCE(SUM(d.commits), 0) FROM project_daily_commits d WHERE d.project_id = p.id)
            FROM project p
            WHERE p.refreshed_at IS NULL
               OR p.commit_count IS DISTINCT FROM {each}
               OR (SELECT COUNT(*) FROM project_commit c WHERE c.project_id = p.id) <> {each}
               OR (SELECT COALESCE(SUM(d.commits), 0) FROM project_daily_commits d WHERE d.project_id = p.id) <> {each}
            """);
        Assert.True(partial.Count == 0, $"Half-written projects (name | commit_count | refreshed_at | commits | daily sum):\n{string.Join('\n', partial)}");
        var duplicated = await cluster.RowsAsync("SELECT LOWER(name), COUNT(*) FROM project GROUP BY LOWER(name) HAVING COUNT(*) > 1");
        Assert.True(duplicated.Count == 0, $"Duplicated projects: {string.Join(", ", duplicated)}");
    }
}
