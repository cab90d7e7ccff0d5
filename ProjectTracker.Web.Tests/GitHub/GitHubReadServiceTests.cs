using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>The dashboards' read queries, run on each database the app supports (grouping is translated to SQL there).</summary>
public abstract class GitHubReadServiceTests : IAsyncLifetime
{
    private ITestDatabase _database = null!;
    private IDbContextFactory<TrackerDbContext> _contexts = null!;

    protected abstract ITestDatabase CreateDatabase();

    private GitHubReadService Reads => TestReadModels.GitHubReads(_contexts);

    [Fact]
    public async Task ListDailyCommits_AllProjects_SumsEachDayOldestFirst()
    {
        await SeedAsync();

        var days = await Reads.ListDailyCommitsAsync();

        Assert.Equal(
            [new DailyCommitCount(new DateOnly(2026, 3, 2), 2), new DailyCommitCount(new DateOnly(2026, 3, 16), 7)],
            days);
    }

    [Fact]
    public async Task ListDailyCommits_OneProject_CountsOnlyItsCommits()
    {
        var (_, beta) = await SeedAsync();

        var days = await Reads.ListDailyCommitsAsync(beta);

        Assert.Equal([new DailyCommitCount(new DateOnly(2026, 3, 16), 4)], days);
    }

    [Fact]
    public async Task FindActiveJob_RunningAndFinishedJobs_AnswersTheRunningOne()
    {
        await using (var db = await _contexts.CreateDbContextAsync())
        {
            db.RefreshJobs.AddRange(
                new RefreshJob { Id = "done", Status = RefreshJobStatus.Completed, StartedAt = Utc(2026, 3, 15) },
                new RefreshJob { Id = "running", Status = RefreshJobStatus.Running, StartedAt = Utc(2026, 3, 14) });
            await db.SaveChangesAsync();
        }

        Assert.Equal("running", (await Reads.FindActiveJobAsync())?.Id);
    }

    [Fact]
    public async Task FindActiveJob_OnlyFinishedJobs_IsNull()
    {
        await using (var db = await _contexts.CreateDbContextAsync())
        {
            db.RefreshJobs.Add(new RefreshJob { Id = "failed", Status = RefreshJobStatus.Failed, StartedAt = Utc(2026, 3, 15) });
            await db.SaveChangesAsync();
        }

        Assert.Null(await Reads.FindActiveJobAsync());
    }

    private async Task<(int Alpha, int Beta)> SeedAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var alpha = new Project { Name = "alpha" };
        var beta = new Project { Name = "beta" };
        db.Projects.AddRange(alpha, beta);
        await db.SaveChangesAsync();
        db.ProjectDailyCommits.AddRange(
            new ProjectDailyCommits { ProjectId = alpha.Id, Day = Utc(2026, 3, 2), Commits = 2 },
            new ProjectDailyCommits { ProjectId = alpha.Id, Day = Utc(2026, 3, 16), Commits = 3 },
            new ProjectDailyCommits { ProjectId = beta.Id, Day = Utc(2026, 3, 16), Commits = 4 });
        await db.SaveChangesAsync();
        return (alpha.Id, beta.Id);
    }

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        _database = CreateDatabase();
        _contexts = await TestContexts.MigrateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

}

public sealed class SqliteGitHubReadServiceTests : GitHubReadServiceTests
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class PostgresGitHubReadServiceTests : GitHubReadServiceTests
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}
