using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>A project page's refresh (POST /api/github/refresh?project=name): that repository only, against the simulator.</summary>
public sealed class ProjectRefreshTests
{
    private static DateTime At(int day) => new(2026, 3, day, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Refresh_OneProject_RefreshesOnlyItsRepositoryAndMarksNothingGone()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        var alpha = h.Simulator.AddRepository("alpha");
        var beta = h.Simulator.AddRepository("beta");
        h.Simulator.AddCommit(alpha, At(2));
        h.Simulator.AddCommit(beta, At(2));
        await h.RefreshAsync();
        h.Simulator.AddCommit(alpha, At(3));
        h.Simulator.AddCommit(beta, At(3));
        var requestsBefore = h.Simulator.Requests.Count;

        using var response = await h.Client.PostAsync("/api/github/refresh?project=alpha", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        var job = await h.WhenFinishedAsync((string)started["job_id"]!);

        Assert.Equal("completed", job.Status);
        Assert.Equal(1, job.TotalRepositories);
        Assert.Equal(alpha.Id, job.RepositoryId);
        var projects = await h.ProjectsAsync();
        Assert.Equal([2, 1], projects.Select(p => (int?)p!["commits"]));
        Assert.DoesNotContain(h.Simulator.Requests.Skip(requestsBefore), r => r.PathAndQuery.Contains("/beta", StringComparison.Ordinal));
        var status = await h.Client.GetJsonAsync($"/api/github/refresh/status/{job.Id}");
        Assert.Equal(alpha.Id, (long?)status["repository_id"]);
    }

    [Fact]
    public async Task Refresh_UnknownProject_Is404ProblemAndStartsNothing()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();

        using var response = await h.Client.PostAsync("/api/github/refresh?project=nope", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await h.Client.GetJsonAsync("/api/github/refresh/jobs")).AsArray());
    }
}
