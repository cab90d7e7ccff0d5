using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>The WHOOP sync jobs in the database: written by the process running a sync, read by any instance.</summary>
public sealed class WhoopSyncJobStore(IDbContextFactory<TrackerDbContext> contexts, TimeProvider time)
{
    /// <summary>The newest jobs kept; older ones are removed when a new one starts.</summary>
    public const int Kept = 100;

    /// <summary>
    /// A queued or running job not written for this long was cut off (its process stopped): it reads as failed. Every part
    /// (30 days, a handful of requests) writes it, and a queued job waits for one sync at most.
    /// </summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(30);

    public const string InterruptedMessage =
        "The app stopped during this sync. The parts it committed are kept; the next sync fetches the days it left.";

    public async Task CreateAsync(string id, DateRange range, string syncType, CancellationToken ct)
    {
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.WhoopSyncJobs.Add(new WhoopSyncJob
        {
            Id = id, SyncType = syncType, FirstDay = range.Start, LastDay = range.End, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        var oldest = await db.WhoopSyncJobs.OrderByDescending(j => j.CreatedAt).Skip(Kept).Select(j => j.CreatedAt).FirstOrDefaultAsync(ct);
        if (oldest != default)
        {
            await db.WhoopSyncJobs.Where(j => j.CreatedAt <= oldest).ExecuteDeleteAsync(ct);
        }
    }

    public Task StartAsync(string id) => UpdateAsync(id, job =>
    {
        job.Status = WhoopSyncJobStatus.Running;
        job.StartedAt ??= Now();
    });

    public Task ReportAsync(string id, WhoopSyncProgress progress) => UpdateAsync(id, job =>
    {
        (job.PartsDone, job.PartsTotal) = (progress.PartsDone, progress.PartsTotal);
        Count(job, progress.Synced);
    });

    /// <param name="synced">What the sync stored; on a failure, what the parts committed before it stored.</param>
    public Task FinishAsync(string id, WhoopSyncResult? synced, string? error) => UpdateAsync(id, job =>
    {
        job.Status = error is null ? WhoopSyncJobStatus.Completed : WhoopSyncJobStatus.Failed;
        job.ErrorMessage = error;
        job.StartedAt ??= Now();
        job.CompletedAt = Now();
        if (synced is not null)
        {
            Count(job, synced);
        }
    });

    public async Task<WhoopSyncJob?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return Settled(await db.WhoopSyncJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct));
    }

    /// <summary>The newest jobs first.</summary>
    public async Task<IReadOnlyList<WhoopSyncJob>> ListAsync(int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var jobs = await db.WhoopSyncJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(limit).ToListAsync(ct);
        return [.. jobs.Select(j => Settled(j)!)];
    }

    private WhoopSyncJob? Settled(WhoopSyncJob? job)
    {
        if (job is not null && !WhoopSyncJobStatus.IsFinished(job.Status) && Now() - job.UpdatedAt > Abandoned)
        {
            job.Status = WhoopSyncJobStatus.Failed;
            job.ErrorMessage = InterruptedMessage;
        }

        return job;
    }

    private static void Count(WhoopSyncJob job, WhoopSyncResult synced) =>
        (job.Recovery, job.Sleep, job.Workouts, job.Cycles) = (synced.Recovery, synced.Sleep, synced.Workouts, synced.Cycles);

    // Not cancellable: the record of a sync must be written whoever stopped waiting for it.
    private async Task UpdateAsync(string id, Action<WhoopSyncJob> change)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        if (await db.WhoopSyncJobs.FirstOrDefaultAsync(j => j.Id == id, CancellationToken.None) is { } job)
        {
            change(job);
            job.UpdatedAt = Now();
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
