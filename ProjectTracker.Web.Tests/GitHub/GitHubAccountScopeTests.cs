using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>
/// Issue 11, points 1 and 2: which repositories are projects on a real-shaped account (organization and collaborator
/// repositories, archived ones, two repositories of the same name), and that a project is never deleted because a
/// listing stops showing its repository.
/// </summary>
public sealed class GitHubAccountScopeTests
{
    private static DateTime At(int day, int hour) => new(2026, 3, day, hour, 0, 0, DateTimeKind.Utc);

    private static SimulatedRepository WithOwnerCommit(GitHubSimulatorState github, SimulatedRepository repository, int day = 5)
    {
        github.AddCommit(repository, At(day, 12));
        return repository;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Both), MemberType = typeof(TestDatabases))]
    public async Task Refresh_OrganizationAndCollaboratorRepositories_AreProjectsWhenTheAccountCommitted(string provider)
    {
        await using var h = await GitHubRefreshHarness.StartAsync(database: TestDatabases.For(provider));
        var github = h.Simulator;
        github.Organizations.Add("acme");
        WithOwnerCommit(github, github.AddRepository("service", owner: "acme", configure: r => r.OwnedByOrganization = true));
        var others = github.AddRepository("others-only", owner: "acme", configure: r => r.OwnedByOrganization = true);
        github.AddCommit(others, At(6, 10), authorLogin: "teammate-ana");
        WithOwnerCommit(github, github.AddRepository("lib", owner: "friend", configure: r => r.AccountIsCollaborator = true));
        WithOwnerCommit(github, github.AddRepository("finished", configure: r => r.Archived = true));
        WithOwnerCommit(github, github.AddRepository("not-mine", owner: "stranger", configure: r => r.Private = true));

        var job = await h.RefreshAsync();

        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        var projects = (await h.ProjectsAsync()).ToDictionary(p => (string)p!["full_name"]!);
        Assert.Equal(["acme/service", "friend/lib", "octo-owner/finished"], projects.Keys.Order());
        Assert.True((bool?)projects["octo-owner/finished"]!["archived"]);
        Assert.False((bool?)projects["acme/service"]!["archived"]);
        Assert.Equal("acme", (string?)projects["acme/service"]!["owner"]);
        Assert.Equal("service", (string?)projects["acme/service"]!["name"]);
        Assert.Contains(github.Requests, r => r.PathAndQuery.StartsWith("/user/repos") && r.PathAndQuery.Contains("affiliation=owner%2Ccollaborator%2Corganization_member"));

        h.Simulator.ResetRequestLog();
        await h.RefreshAsync();
        Assert.DoesNotContain(github.Requests, r => r.PathAndQuery.Contains("/others-only/")); // not asked again until pushed to
    }

    [Fact]
    public async Task Refresh_AffiliationOwner_LeavesOrganizationRepositoriesOut()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["GitHub:Affiliation"] = "owner" });
        h.Simulator.Organizations.Add("acme");
        WithOwnerCommit(h.Simulator, h.Simulator.AddRepository("service", owner: "acme", configure: r => r.OwnedByOrganization = true));
        WithOwnerCommit(h.Simulator, h.Simulator.AddRepository("mine"));

        await h.RefreshAsync();

        Assert.Equal("octo-owner/mine", (string?)Assert.Single(await h.ProjectsAsync())!["full_name"]);
    }

    [Fact]
    public async Task Refresh_IncludeArchivedFalse_LeavesArchivedOut()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["GitHub:IncludeArchived"] = "false" });
        WithOwnerCommit(h.Simulator, h.Simulator.AddRepository("finished", configure: r => r.Archived = true));
        WithOwnerCommit(h.Simulator, h.Simulator.AddRepository("mine"));

        await h.RefreshAsync();

        Assert.Equal("mine", (string?)Assert.Single(await h.ProjectsAsync())!["name"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Both), MemberType = typeof(TestDatabases))]
    public async Task Refresh_SameNameUnderTwoOwners_BothAreProjectsWithStableUniqueNames(string provider)
    {
        await using var h = await GitHubRefreshHarness.StartAsync(database: TestDatabases.For(provider));
        var github = h.Simulator;
        github.Organizations.Add("acme");
        WithOwnerCommit(github, github.AddRepository("tools", owner: "acme", configure: r => r.OwnedByOrganization = true), day: 3);
        WithOwnerCommit(github, github.AddRepository("tools"), day: 4);

        await h.RefreshAsync();
        var first = (await h.ProjectsAsync()).ToDictionary(p => (string)p!["full_name"]!, p => (string)p!["name"]!);
        github.AddCommit(github.FindRepository("acme", "tools")!, At(9, 9));
        await h.RefreshAsync();
        var second = (await h.ProjectsAsync()).ToDictionary(p => (string)p!["full_name"]!, p => (string)p!["name"]!);

        Assert.Equal("tools", first["octo-owner/tools"]); // the account's own repository keeps the plain name
        Assert.Equal("acme/tools", first["acme/tools"]);
        Assert.Equal(first, second);
        var byFullName = await h.Client.GetJsonAsync("/api/github/project/acme%2Ftools");
        Assert.Equal("acme/tools", (string?)byFullName["full_name"]);
        Assert.Equal(2, (int?)byFullName["commits"]);
        Assert.Equal("octo-owner/tools", (string?)(await h.Client.GetJsonAsync("/api/github/project/tools"))["full_name"]);
        Assert.Equal("octo-owner/tools", (string?)(await h.Client.GetJsonAsync("/api/github/project/Octo-Owner%2FTools"))["full_name"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Both), MemberType = typeof(TestDatabases))]
    public async Task Refresh_RepositoryDeletedOrTransferred_KeepsTheProjectAndItsHistoryMarked(string provider)
    {
        await using var h = await GitHubRefreshHarness.StartAsync(database: TestDatabases.For(provider));
        var github = h.Simulator;
        var deleted = WithOwnerCommit(github, github.AddRepository("deleted"));
        github.AddCommit(deleted, At(6, 12));
        var transferred = WithOwnerCommit(github, github.AddRepository("transferred"));
        WithOwnerCommit(github, github.AddRepository("staying"));
        await h.RefreshAsync();

        github.RemoveRepository(deleted);
        transferred.Owner = "new-home"; // an organization the account is not a member of; public, so still readable
        transferred.OwnedByOrganization = true;
        var job = await h.RefreshAsync();

        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        var projects = (await h.ProjectsAsync()).ToDictionary(p => (string)p!["name"]!);
        Assert.Equal(3, projects.Count);
        Assert.Equal(2, (int?)projects["deleted"]!["commits"]);
        Assert.Equal(TrackerAppFactory.Now.UtcDateTime, (DateTime?)projects["deleted"]!["gone_at"]);
        Assert.Contains("deleted", (string?)projects["deleted"]!["gone_reason"]);
        Assert.Contains("transferred to new-home/transferred", (string?)projects["transferred"]!["gone_reason"]);
        Assert.Null((string?)projects["staying"]!["gone_at"]);
        Assert.Equal(4, (int?)(await h.Client.GetJsonAsync("/api/github/metrics"))["total_commits"]); // the gone ones still count
    }

    /// <summary>
    /// The answer to <c>GET /repositories/{id}</c> is api.github.com's own, recorded by octokit/fixtures
    /// (scenarios/api.github.com/get-repository, commit cb8bc9d, MIT): an organization's repository, which the project's
    /// repository has become by a transfer.
    /// </summary>
    [Fact]
    public async Task Refresh_RepositoryTransferredAway_ReadsGitHubsRecordedAnswer()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        WithOwnerCommit(h.Simulator, h.Simulator.AddRepository("staying"));
        h.Simulator.RecordedAnswers["/repositories/1000"] =
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "GitHub", "Fixtures", "octokit-fixtures-get-repository.json"));
        await h.App.SeedAsync(db =>
        {
            db.Projects.Add(new Project { Name = "hello-world", GitHubId = 1000, FullName = "octo-owner/hello-world", CommitCount = 7 });
            return Task.CompletedTask;
        });

        var job = await h.RefreshAsync();

        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        var project = await h.Client.GetJsonAsync("/api/github/project/hello-world");
        Assert.Equal(7, (int?)project["commits"]);
        Assert.Contains("transferred to octokit-fixture-org/hello-world", (string?)project["gone_reason"]);
    }

    [Fact]
    public async Task HiddenProject_LeavesTheListsAndMetrics_AndDeletingIsExplicit()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        WithOwnerCommit(h.Simulator, h.Simulator.AddRepository("keep"));
        var gone = WithOwnerCommit(h.Simulator, h.Simulator.AddRepository("gone"));
        await h.RefreshAsync();
        h.Simulator.RemoveRepository(gone);
        await h.RefreshAsync();
        var admin = h.App.Services.GetRequiredService<GitHubProjectAdmin>();
        var goneId = (int)(await h.Client.GetJsonAsync("/api/github/project/gone"))["id"]!;

        await admin.SetHiddenAsync(goneId, hidden: true);

        Assert.Equal("keep", (string?)Assert.Single(await h.ProjectsAsync())!["name"]);
        Assert.Equal(1, (int?)(await h.Client.GetJsonAsync("/api/github/metrics"))["total_projects"]);
        Assert.True((bool?)(await h.Client.GetJsonAsync("/api/github/project/gone"))["hidden"]);
        Assert.True(await admin.DeleteAsync(goneId));
        await h.Client.GetJsonAsync("/api/github/project/gone", HttpStatusCode.NotFound);
    }
}
