using System.Text.Json.Nodes;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Simulators.Faults;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Tests.Scale;
using ProjectTracker.Web.Tests.Startup;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>
/// A failed refresh says whether GitHub answered (and what) or could not be reached from this machine, and the failure
/// stays in <c>/api/github/metrics</c> (<c>last_refresh_error</c>) until a refresh completes.
/// </summary>
public sealed class RefreshFailureTests
{
    [Fact]
    public async Task Refresh_GitHubNotReachable_SaysSoWithTheSocketErrorAndThatGitHubWasNotAsked()
    {
        var nothingListens = AppProcess.FreePort();
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?>
        {
            ["GitHub:ApiBaseUrl"] = $"http://127.0.0.1:{nothingListens}/",
        });

        var job = await h.RefreshAsync();
        var metrics = await h.Client.GetJsonAsync("/api/github/metrics");

        Assert.Equal(RefreshJobStatus.Failed, job.Status);
        Assert.Contains("could not be reached from here (Connection refused)", job.ErrorMessage);
        Assert.Contains("GitHub was not asked", job.ErrorMessage);
        Assert.DoesNotContain("having trouble", job.ErrorMessage);
        Assert.Equal(job.Id, (string?)metrics["last_refresh_error"]!["job_id"]);
        Assert.Equal(job.ErrorMessage, (string?)metrics["last_refresh_error"]!["message"]);
    }

    [Fact]
    public async Task Refresh_GitHubAnsweringErrors_SaysWhatItAnsweredAndKeepsTheFailureUntilARefreshCompletes()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        SimulatedRepositories.Add(h.Simulator, 2);
        h.Simulator.Faults.Add("/user/repos", Fault.Status(502), times: 3);

        var failed = await h.RefreshAsync();
        var afterFailure = await h.Client.GetJsonAsync("/api/github/metrics");
        JsonNode afterRestart;
        await using (var another = h.StartAnotherInstance()) // not a memory of the instance that ran the job
        {
            afterRestart = await another.CreateClient().GetJsonAsync("/api/github/metrics");
        }

        var completed = await h.RefreshAsync();
        var afterSuccess = await h.Client.GetJsonAsync("/api/github/metrics");

        Assert.Equal(RefreshJobStatus.Failed, failed.Status);
        Assert.Contains("GitHub answered 502", failed.ErrorMessage);
        Assert.Contains("having trouble", failed.ErrorMessage);
        Assert.Equal(failed.Id, (string?)afterFailure["last_refresh_error"]!["job_id"]);
        Assert.Equal(failed.Id, (string?)afterRestart["last_refresh_error"]!["job_id"]);
        Assert.Equal(RefreshJobStatus.Completed, completed.Status);
        Assert.True(afterSuccess.AsObject().ContainsKey("last_refresh_error"));
        Assert.Null(afterSuccess["last_refresh_error"]);
    }
}
