using ProjectTracker.Domain.GitHub;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>
/// Issue 11, point 4: GitHub refusing one repository (403 "Resource not accessible by personal access token", 404, 409,
/// 451) is a warning about that repository, not a failed job; its project keeps its last good figures and says why.
/// </summary>
public sealed class GitHubRepositoryFailureTests
{
    private static DateTime At(int day, int hour) => new(2026, 3, day, hour, 0, 0, DateTimeKind.Utc);

    private static SimulatedRepository Add(GitHubSimulatorState github, string name)
    {
        var repository = github.AddRepository(name);
        github.AddCommit(repository, At(5, 12));
        return repository;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Both), MemberType = typeof(TestDatabases))]
    public async Task Refresh_OneRepositoryForbidden_CompletesWithAWarningAndRefreshesTheOthers(string provider)
    {
        await using var h = await GitHubRefreshHarness.StartAsync(
            new Dictionary<string, string?> { ["GitHub:MaxParallelRepositories"] = "1" }, database: TestDatabases.For(provider));
        Add(h.Simulator, "alpha");
        Add(h.Simulator, "beta").RefusedWith = 403;
        Add(h.Simulator, "gamma");

        var job = await h.RefreshAsync();

        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        Assert.Equal(3, job.RepositoriesProcessed);
        Assert.Equal(["alpha", "gamma"], (await h.ProjectsAsync()).Select(p => (string)p!["name"]!));
        var status = await h.Client.GetJsonAsync($"/api/github/refresh/status/{job.Id}");
        Assert.Equal(1, (int?)status["warning_count"]);
        var warning = Assert.Single(status["warnings"]!.AsArray())!;
        Assert.Equal("octo-owner/beta", (string?)warning["repository"]);
        Assert.Equal(403, (int?)warning["status"]);
        Assert.Contains("Resource not accessible by personal access token", (string?)warning["reason"]);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(451)]
    public async Task Refresh_KnownProjectRefused_KeepsItsLastGoodFiguresAndSaysWhy(int status)
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        var alpha = Add(h.Simulator, "alpha");
        h.Simulator.AddCommit(alpha, At(6, 12));
        Add(h.Simulator, "beta");
        await h.RefreshAsync();

        h.Simulator.AddCommit(alpha, At(7, 12));
        alpha.RefusedWith = status;
        var refused = await h.RefreshAsync();
        var during = await h.Client.GetJsonAsync("/api/github/project/alpha");
        alpha.RefusedWith = null;
        var recovered = await h.RefreshAsync();
        var after = await h.Client.GetJsonAsync("/api/github/project/alpha");

        Assert.Equal(RefreshJobStatus.Completed, refused.Status);
        Assert.Equal(1, refused.WarningCount);
        Assert.Equal(2, (int?)during["commits"]);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)during["failure_reason"]);
        Assert.NotNull((string?)during["failed_at"]);
        Assert.Equal(0, recovered.WarningCount);
        Assert.Equal(3, (int?)after["commits"]);
        Assert.Null((string?)after["failure_reason"]);
    }

    [Fact]
    public async Task Refresh_BadTokenMidJob_StillFailsTheJobSayingWhatToFix()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["GitHub:MaxParallelRepositories"] = "1" });
        Add(h.Simulator, "alpha");
        Add(h.Simulator, "beta");
        h.Simulator.Faults.Add("/repos/octo-owner/beta/", ProjectTracker.Simulators.Faults.Fault.AccessRevoked);

        var job = await h.RefreshAsync();

        Assert.Equal(RefreshJobStatus.Failed, job.Status);
        Assert.Contains("GITHUB_ACCESS_TOKEN", job.ErrorMessage);
    }
}
