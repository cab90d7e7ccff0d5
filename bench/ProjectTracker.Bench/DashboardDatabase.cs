using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Simulators.Whoop;

namespace ProjectTracker.Bench;

public sealed record DatabaseContents(int Projects, int DailyCommitRows, int Cycles, int Sleeps, int Recoveries, int Workouts);

/// <summary>
/// A database shaped like a heavy user's: projects filled by the real GitHub refresh from the simulator (commits per
/// day, languages, statistics), and years of WHOOP history from the WHOOP generator stored through the app's record mapper.
/// </summary>
public static class DashboardDatabase
{
    public static Task<DatabaseContents> CreateAsync(string path, int projects, int whoopDays) =>
        CreateAsync(new SqliteContexts(path), projects, whoopDays);

    /// <summary>The same contents in any database the contexts open (SQLite or PostgreSQL), migrated first.</summary>
    public static async Task<DatabaseContents> CreateAsync(IDbContextFactory<TrackerDbContext> contexts, int projects, int whoopDays)
    {
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await AddProjectsAsync(contexts, projects);
        await AddWhoopHistoryAsync(contexts, whoopDays);
        await using var counts = contexts.CreateDbContext();
        return new DatabaseContents(
            await counts.Projects.CountAsync(), await counts.ProjectDailyCommits.CountAsync(), await counts.WhoopCycles.CountAsync(),
            await counts.WhoopSleeps.CountAsync(), await counts.WhoopRecoveries.CountAsync(), await counts.WhoopWorkouts.CountAsync());
    }

    private static async Task AddProjectsAsync(IDbContextFactory<TrackerDbContext> contexts, int projects)
    {
        await using var github = await GitHubSimulatorServer.StartAsync();
        // The generator leaves out ~13% as forks or archived; ask for enough that the dashboard gets the count wanted.
        GitHubDataGenerator.Populate(github.State, (int)Math.Ceiling(projects / 0.87) + 20);
        var excess = github.State.Repositories.Where(r => !r.Fork && !r.Archived).Skip(projects).ToList();
        foreach (var repository in excess)
        {
            repository.Archived = true;
        }

        var jobId = Guid.NewGuid().ToString();
        await using (var db = contexts.CreateDbContext())
        {
            db.RefreshJobs.Add(new RefreshJob { Id = jobId, StartedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var options = new GitHubOptions { ApiBaseUrl = github.BaseAddress, AccessToken = github.State.Tokens.First(), IncludeArchived = false }; // the excess is archived to leave it out
        var service = new GitHubRefreshService(contexts, new DatabaseGitHubHttpCache(contexts), options, TimeProvider.System,
            new NoRefreshProgressNotifier(), NullLogger<GitHubRefreshService>.Instance);
        await service.RunAsync(jobId, CancellationToken.None);
        await using var check = contexts.CreateDbContext();
        var job = await check.RefreshJobs.SingleAsync(j => j.Id == jobId);
        if (job.Status != RefreshJobStatus.Completed)
        {
            throw new InvalidOperationException($"Filling the benchmark's projects failed: {job.ErrorMessage}");
        }
    }

    private static async Task AddWhoopHistoryAsync(IDbContextFactory<TrackerDbContext> contexts, int days)
    {
        var history = new WhoopSimulatorState(TimeProvider.System);
        WhoopDataGenerator.Populate(history, days);
        var now = DateTime.UtcNow;
        await using var db = contexts.CreateDbContext();
        foreach (var record in history.Cycles.Values)
        {
            WhoopRecordMapper.Apply(Added(db.WhoopCycles), record, now);
        }

        var sleepDays = new Dictionary<string, WhoopSleep>();
        foreach (var record in history.Sleeps.Values)
        {
            var sleep = Added(db.WhoopSleeps);
            WhoopRecordMapper.Apply(sleep, record, now);
            sleepDays[record.Id] = sleep;
        }

        // A recovery is filed on its sleep's day, as the sync does.
        foreach (var record in history.Recoveries.Values)
        {
            var sleep = sleepDays[record.SleepId];
            WhoopRecordMapper.Apply(Added(db.WhoopRecoveries), record, DateOnly.FromDateTime(sleep.Date), sleep.TimezoneOffset, now);
        }

        foreach (var record in history.Workouts.Values)
        {
            WhoopRecordMapper.Apply(Added(db.WhoopWorkouts), record, now);
        }

        db.WhoopSyncStatuses.Add(new WhoopSyncStatus { LastSyncAt = now, LastSyncType = "bench", Status = "completed", RecordsSynced = db.ChangeTracker.Entries().Count() });
        await db.SaveChangesAsync();
    }

    private static T Added<T>(DbSet<T> set) where T : class, new()
    {
        var row = new T();
        set.Add(row);
        return row;
    }
}
