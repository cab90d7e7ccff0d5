using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Scale;

/// <summary>SPEC "Scale": two app processes on one PostgreSQL database share the job queue — each job runs once.</summary>
[Collection(ScaleProcessesCollection.Name)]
public sealed class MultiProcessRefreshTests
{
    [Fact]
    public async Task Refresh_EnqueuedOnOneOfTwoProcesses_RunsOnceAndBothReportItCompleted()
    {
        await using var cluster = await AppCluster.CreateAsync();
        var names = SimulatedRepositories.Add(cluster.Simulator, 5);
        // Started together, as docker-compose starts them: both migrate the same empty database at once.
        var instances = await Task.WhenAll(cluster.StartInstanceAsync(), cluster.StartInstanceAsync());
        var (a, b) = (instances[0], instances[1]);

        var jobId = await a.StartRefreshAsync();
        var onA = await cluster.WaitForJobAsync(a, jobId, AppCluster.IsFinished, "to finish");
        var onB = await b.Client.GetJsonAsync($"/api/github/refresh/status/{jobId}");
        var completedBy = await cluster.WaitUntilAsync(
            () => Task.FromResult<List<AppInstance>?>(
                instances.Where(i => i.Process.Output.Contains($"GitHub refresh {jobId} completed", StringComparison.Ordinal)).ToList() is { Count: > 0 } l ? l : null),
            "the log line of the run");

        Assert.True((string?)onA["status"] == "completed", $"{onA.ToJsonString()}\n{cluster.Describe()}");
        Assert.Equal(onA.ToJsonString(), onB.ToJsonString());
        Assert.Equal(5, (int?)onB["repositories_processed"]);
        Assert.Single(completedBy);
        foreach (var name in names)
        {
            // What one refresh of a new repository asks: its head and one listing of commits, its languages and statistics once.
            foreach (var (read, once) in new[] { ($"/{name}/commits", 2), ($"/{name}/languages", 1), ($"/{name}/stats/code_frequency", 1) })
            {
                Assert.True(cluster.RequestsEndingWith(read) == once, $"{read} was asked {cluster.RequestsEndingWith(read)} times, one refresh asks {once}");
            }
        }

        Assert.Equal(1, await cluster.ScalarAsync("SELECT COUNT(*) FROM refresh_job"));
        Assert.Equal(5, await cluster.ScalarAsync("SELECT COUNT(*) FROM project"));
        Assert.Equal(5, (await b.Client.GetJsonAsync("/api/github/projects")).AsArray().Count);
    }
}
