using System.Reflection;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.GitHub.Components;
using ProjectTracker.Web.GitHub;
using ProjectTracker.Web.Jobs;

namespace ProjectTracker.Web.Tests.Components;

public sealed class GitHubDashboardTests : IAsyncLifetime
{
    private DashboardTestContext _context = new();

    [Fact]
    public async Task Render_NoToken_SaysToSetGitHubAccessTokenAndOffersNoRefresh()
    {
        await _context.DisposeAsync();
        _context = new DashboardTestContext(githubToken: null);
        await _context.SeedAsync();

        var page = _context.Render<GitHubDashboard>();

        page.WaitForAssertion(() => Assert.Contains("GITHUB_ACCESS_TOKEN", page.Find("[data-testid=github-not-configured]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=github-refresh]"));
        Assert.Empty(page.FindAll("[data-testid=github-empty]"));
    }

    [Fact]
    public async Task Render_TokenButNoProjects_SaysToClickRefresh()
    {
        await _context.SeedAsync();

        var page = _context.Render<GitHubDashboard>();

        page.WaitForAssertion(() => Assert.Contains("Click Refresh", page.Find("[data-testid=github-empty]").TextContent));
        Assert.Single(page.FindAll("[data-testid=github-refresh]"));
        Assert.Empty(page.FindAll("[data-testid=github-not-configured]"));
        Assert.Empty(page.FindAll("[data-testid=kpi-projects]"));
    }

    /// <summary>SPEC "Access": with <c>Access:ApiKey</c> set the dashboards show refresh to the owner only.</summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Render_ApiKeySet_ShowsRefreshToTheOwnerOnly(bool signedInAsOwner, bool refreshShown)
    {
        await _context.DisposeAsync();
        _context = new DashboardTestContext(access: new ProjectTracker.Web.Access.AccessOptions { ApiKey = "a-key-of-sixteen-chars" });
        if (signedInAsOwner)
        {
            _context.Authorization.SetAuthorized("owner").SetClaims(new System.Security.Claims.Claim(ProjectTracker.Web.Whoop.WhoopLogin.UserIdClaim, "10129"));
        }

        await _context.SeedAsync();

        var page = _context.Render<GitHubDashboard>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=github-empty]")));
        Assert.Equal(refreshShown, page.FindAll("[data-testid=github-refresh]").Count == 1);
        Assert.Equal(!refreshShown, page.FindAll("[data-testid=refresh-owner-only]").Count == 1);
    }

    [Fact]
    public async Task Render_Projects_ShowsTotalsChartsAndTheEstimatedMarker()
    {
        await _context.SeedAsync(db => SeedProjectsAsync(db, ("alpha", "C#", 10, false), ("beta", "Go", 5, true), ("gamma", "C#", 0, false)));

        var page = _context.Render<GitHubDashboard>();

        page.WaitForAssertion(() => Assert.Equal("3", Value(page, "kpi-projects")));
        Assert.Equal("15", Value(page, "kpi-commits"));
        Assert.Equal("≈ 3,000", Value(page, "kpi-loc"));
        Assert.Contains("1 project", page.Find("[data-testid=kpi-loc-estimated]").TextContent);
        Assert.Equal("2", page.Find("[data-testid=chart-languages]").GetAttribute("data-points"));
        Assert.Equal("2", page.Find("[data-testid=chart-top-projects]").GetAttribute("data-points")); // gamma has no commits
        // alpha's commits on 2026-03-02 and 2026-03-16, beta's on 2026-03-16: three weeks from the first to the last.
        Assert.Equal("3", page.Find("[data-testid=chart-activity]").GetAttribute("data-points"));
        Assert.Contains("15 commits in 3 weeks", page.Find("[data-testid=chart-activity]").TextContent);
    }

    [Fact]
    public async Task Refresh_Click_StartsTheCoalescedJobShowsLiveProgressThenReloadsTheNumbers()
    {
        await _context.SeedAsync();
        var page = _context.Render<GitHubDashboard>();
        page.WaitForElement("[data-testid=github-empty]");

        await page.Find("[data-testid=github-refresh]").ClickAsync(new());

        var job = await SingleJobAsync();
        Assert.Equal(RefreshJobStatus.Queued, job.Status);
        page.WaitForAssertion(() => Assert.Contains("0 / 0", page.Find("[data-testid=refresh-progress]").TextContent));

        _context.Progress.JobChanged(new RefreshJob { Id = job.Id, Status = RefreshJobStatus.Running, RepositoriesProcessed = 3, TotalRepositories = 36 });
        page.WaitForAssertion(() => Assert.Contains("3 / 36", page.Find("[data-testid=refresh-progress]").TextContent));

        await _context.SeedAsync(db => SeedProjectsAsync(db, ("alpha", "C#", 10, false)));
        _context.Progress.JobChanged(new RefreshJob { Id = job.Id, Status = RefreshJobStatus.Completed, RepositoriesProcessed = 36, TotalRepositories = 36 });

        page.WaitForAssertion(() => Assert.Equal("1", Value(page, "kpi-projects")));
        Assert.Contains("36 / 36", page.Find("[data-testid=refresh-result]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=refresh-progress]"));
    }

    [Fact]
    public async Task Refresh_ClickWhileAJobRuns_JoinsThatJob()
    {
        await _context.SeedAsync(db =>
        {
            db.RefreshJobs.Add(new RefreshJob { Id = "running", Status = RefreshJobStatus.Running, StartedAt = DateTime.UtcNow, RepositoriesProcessed = 7, TotalRepositories = 36 });
            return Task.CompletedTask;
        });

        var page = _context.Render<GitHubDashboard>();

        page.WaitForAssertion(() => Assert.Contains("7 / 36", page.Find("[data-testid=refresh-progress]").TextContent));
        Assert.True(page.Find("[data-testid=github-refresh]").HasAttribute("disabled"));
        Assert.Equal("running", (await SingleJobAsync()).Id);
    }

    /// <summary>Several instances: the job runs on another one, so only its row in the database moves.</summary>
    [Fact]
    public async Task Refresh_JobRunOnAnotherInstance_FollowedThroughTheDatabaseUntilItEnds()
    {
        await _context.SeedAsync(db =>
        {
            db.RefreshJobs.Add(new RefreshJob { Id = "elsewhere", Status = RefreshJobStatus.Running, StartedAt = DateTime.UtcNow, RepositoriesProcessed = 2, TotalRepositories = 36, UpdatedAt = DateTime.UtcNow });
            return Task.CompletedTask;
        });
        // The process-wide watcher re-reads the row every 3 s and publishes what moved to the pages (real time: MudBlazor's
        // own timers need a moving clock in these tests).
        using var watcher = new RefreshJobWatcher(_context.Bunit.Services.GetRequiredService<GitHubReadService>(), _context.Progress,
            new JobStorageSharing(IsShared: true), TimeProvider.System, NullLogger<RefreshJobWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        var page = _context.Render<GitHubDashboard>();
        page.WaitForAssertion(() => Assert.Contains("2 / 36", page.Find("[data-testid=refresh-progress]").TextContent));

        await UpdateJobAsync(job => { job.RepositoriesProcessed = 20; job.UpdatedAt = DateTime.UtcNow.AddSeconds(1); });
        page.WaitForAssertion(() => Assert.Contains("20 / 36", page.Find("[data-testid=refresh-progress]").TextContent), ReReadWait);

        await _context.SeedAsync(db => SeedProjectsAsync(db, ("alpha", "C#", 10, false)));
        await UpdateJobAsync(job => { job.Status = RefreshJobStatus.Completed; job.RepositoriesProcessed = 36; job.UpdatedAt = DateTime.UtcNow.AddSeconds(2); });

        page.WaitForAssertion(() => Assert.Equal("1", Value(page, "kpi-projects")), ReReadWait);
        Assert.Contains("36 / 36", page.Find("[data-testid=refresh-result]").TextContent);
        await watcher.StopAsync(CancellationToken.None);
    }

    private static readonly TimeSpan ReReadWait = TimeSpan.FromSeconds(15);

    private async Task UpdateJobAsync(Action<RefreshJob> change) => await _context.SeedAsync(async db =>
    {
        change(await db.RefreshJobs.SingleAsync());
    });

    [Fact]
    public async Task Render_NewestFinishedRefreshFailed_ShowsItsErrorAfterAReloadUntilOneCompletes()
    {
        var earlier = DateTime.UtcNow.AddHours(-2);
        await _context.SeedAsync(db =>
        {
            db.RefreshJobs.Add(new RefreshJob { Id = "ok", Status = RefreshJobStatus.Completed, StartedAt = earlier, CompletedAt = earlier });
            db.RefreshJobs.Add(new RefreshJob
            {
                Id = "failed", Status = RefreshJobStatus.Failed, StartedAt = earlier.AddHours(1), CompletedAt = earlier.AddHours(1),
                ErrorMessage = "GitHub could not be reached from here (Connection refused).",
            });
            return Task.CompletedTask;
        });

        var page = _context.Render<GitHubDashboard>();

        page.WaitForAssertion(() => Assert.Contains("Connection refused", page.Find("[data-testid=refresh-error]").TextContent));
        await _context.SeedAsync(db =>
        {
            db.RefreshJobs.Add(new RefreshJob { Id = "ok-again", Status = RefreshJobStatus.Completed, StartedAt = DateTime.UtcNow, CompletedAt = DateTime.UtcNow });
            return Task.CompletedTask;
        });
        var reloaded = _context.Render<GitHubDashboard>();
        reloaded.WaitForElement("[data-testid=github-empty]");
        Assert.Empty(reloaded.FindAll("[data-testid=refresh-error]"));
    }

    [Fact]
    public async Task Refresh_JobFails_ShowsTheErrorMessage()
    {
        await _context.SeedAsync();
        var page = _context.Render<GitHubDashboard>();
        page.WaitForElement("[data-testid=github-empty]");

        _context.Progress.JobChanged(new RefreshJob { Id = "other-browser", Status = RefreshJobStatus.Failed, ErrorMessage = "GitHub refused the token (401)." });

        page.WaitForAssertion(() => Assert.Contains("GitHub refused the token (401).", page.Find("[data-testid=refresh-error]").TextContent));
    }

    [Fact]
    public async Task Dispose_Page_StopsListeningToJobs()
    {
        await _context.SeedAsync();
        var page = _context.Render<GitHubDashboard>();
        page.WaitForElement("[data-testid=github-empty]");

        Assert.NotNull(Subscribers());

        await _context.Bunit.DisposeComponentsAsync();

        Assert.Null(Subscribers());
    }

    internal static async Task SeedProjectsAsync(TrackerDbContext db, params (string Name, string Language, int Commits, bool Estimated)[] projects)
    {
        foreach (var (name, language, commits, estimated) in projects)
        {
            var project = new Project
            {
                Name = name, PrimaryLanguage = language, CommitCount = commits, Loc = 1000, LocEstimated = estimated, TimeSpentMin = 90,
            };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            if (commits == 0)
            {
                continue;
            }

            // alpha: 2026-03-02 (Monday) and 2026-03-16; others all on 2026-03-16.
            if (name == "alpha")
            {
                db.ProjectDailyCommits.Add(new ProjectDailyCommits { ProjectId = project.Id, Day = Day(2026, 3, 2), Commits = commits / 2 });
                db.ProjectDailyCommits.Add(new ProjectDailyCommits { ProjectId = project.Id, Day = Day(2026, 3, 16), Commits = commits - commits / 2 });
            }
            else
            {
                db.ProjectDailyCommits.Add(new ProjectDailyCommits { ProjectId = project.Id, Day = Day(2026, 3, 16), Commits = commits });
            }
        }
    }

    // The event's backing field: null once the last subscriber has left (a leak would keep every closed page alive).
    private Delegate? Subscribers() =>
        (Delegate?)typeof(RefreshProgressHub).GetField(nameof(RefreshProgressHub.Changed), BindingFlags.NonPublic | BindingFlags.Instance)!
            .GetValue(_context.Progress);

    private static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    private static string Value(IRenderedComponent<GitHubDashboard> page, string kpi) =>
        page.Find($"[data-testid={kpi}-value]").TextContent.Trim();

    private async Task<RefreshJob> SingleJobAsync()
    {
        await using var db = await _context.Bunit.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        return await db.RefreshJobs.AsNoTracking().SingleAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();
}
