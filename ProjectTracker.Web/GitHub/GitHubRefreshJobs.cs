using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.GitHub;

/// <summary>
/// Starts GitHub refresh jobs, one at a time: while one is queued or running, asking again returns that same job.
/// </summary>
public sealed class GitHubRefreshJobs(
    IDbContextFactory<TrackerDbContext> contexts, IBackgroundJobClient backgroundJobs, JobStorage storage, TimeProvider time,
    IRefreshProgressNotifier notifier, ILogger<GitHubRefreshJobs> logger)
{
    public const string ManualTrigger = "manual";
    public const string ScheduledTrigger = "scheduled";

    private static readonly string[] FinalStates = [SucceededState.StateName, FailedState.StateName, DeletedState.StateName];

    // One start at a time in this process; across instances on PostgreSQL, a transaction-scoped advisory lock (below).
    private readonly SemaphoreSlim _starting = new(1, 1);

    private const string PostgresStartLock = "SELECT pg_advisory_xact_lock(hashtext('projecttracker-github-refresh-start'))";

    /// <summary>
    /// The queued or running job, or a new one enqueued now (<c>Created</c> true): of all repositories, or with
    /// <paramref name="repositoryId"/> of that one only. One job at a time either way: a refresh already under way is
    /// answered, whichever kind it is (a full one covers the project; a project's is short).
    /// </summary>
    public async Task<(RefreshJob Job, bool Created)> StartAsync(string trigger, CancellationToken cancellationToken, long? repositoryId = null)
    {
        await _starting.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            RefreshJob job;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                if (db.Database.IsNpgsql())
                {
                    // Held until commit: another instance's click waits here, then finds this job active and joins it.
                    await db.Database.ExecuteSqlRawAsync(PostgresStartLock, cancellationToken);
                }

                if (await FindActiveAsync(db, cancellationToken) is { } active)
                {
                    return (active, false);
                }

                var now = time.GetUtcNow().UtcDateTime;
                job = new RefreshJob
                {
                    Id = Guid.NewGuid().ToString(), Status = RefreshJobStatus.Queued, StartedAt = now, UpdatedAt = now, Trigger = trigger,
                    RepositoryId = repositoryId,
                };
                db.RefreshJobs.Add(job);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            // Enqueued after the commit, so the run always finds its row. A crash in between leaves a queued row without a
            // background job, which start-up resumes (ResumeUnfinishedAsync).
            job.BackgroundJobId = Enqueue(job.Id);
            await db.SaveChangesAsync(cancellationToken);
            notifier.JobChanged(job);
            return (job, true);
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>
    /// At start-up: a job left queued or running whose background run is gone (in-memory storage lost it, or it ended
    /// without finishing the row) is enqueued again; it resumes, skipping repositories already refreshed.
    /// </summary>
    public async Task ResumeUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unfinished = await db.RefreshJobs
            .Where(j => j.Status == RefreshJobStatus.Queued || j.Status == RefreshJobStatus.Running)
            .ToListAsync(cancellationToken);
        using var connection = storage.GetConnection();
        foreach (var job in unfinished)
        {
            var state = job.BackgroundJobId is { } id ? connection.GetStateData(id)?.Name : null;
            if (state is null || FinalStates.Contains(state))
            {
                job.BackgroundJobId = Enqueue(job.Id);
                logger.LogInformation("Resuming GitHub refresh {JobId} left {Status} by a restart", job.Id, job.Status);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private string Enqueue(string jobId) =>
        backgroundJobs.Enqueue<GitHubRefreshJobRunner>(runner => runner.RunAsync(jobId, CancellationToken.None));

    private static Task<RefreshJob?> FindActiveAsync(TrackerDbContext db, CancellationToken cancellationToken) =>
        db.RefreshJobs
            .Where(j => j.Status == RefreshJobStatus.Queued || j.Status == RefreshJobStatus.Running)
            .OrderByDescending(j => j.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);
}
