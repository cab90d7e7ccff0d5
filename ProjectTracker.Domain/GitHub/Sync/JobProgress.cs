using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>Writes a refresh job's state to <c>refresh_job</c>, one short transaction per change.</summary>
internal sealed class JobProgress(IDbContextFactory<TrackerDbContext> contexts, string jobId, TimeProvider time, IRefreshProgressNotifier notifier)
{
    private readonly SemaphoreSlim _writes = new(1, 1);

    /// <summary>The one repository the job refreshes (<see cref="RefreshJob.RepositoryId"/>), read by <see cref="StartAsync"/>.</summary>
    public long? RepositoryId { get; private set; }

    /// <summary>Marks the job running (again, when resumed). False when there is nothing to run.</summary>
    public async Task<bool> StartAsync(CancellationToken ct)
    {
        var started = false;
        await UpdateAsync(job =>
        {
            if (job.Status is RefreshJobStatus.Completed or RefreshJobStatus.Failed)
            {
                return;
            }

            started = true;
            RepositoryId = job.RepositoryId;
            job.Status = RefreshJobStatus.Running;
            job.StartedAt ??= Now;
            job.RepositoriesProcessed = 0;
            job.StatusMessage = null;
            (job.WarningCount, job.Warnings) = (0, null);
        }, ct);
        return started;
    }

    public Task SetTotalAsync(int total, CancellationToken ct) => UpdateAsync(job => job.TotalRepositories = total, ct);

    public Task AdvanceAsync(CancellationToken ct) => UpdateAsync(job => job.RepositoriesProcessed++, ct);

    public Task ReportStatusAsync(string? message) => UpdateAsync(job => job.StatusMessage = message, CancellationToken.None);

    public Task CompleteAsync(IReadOnlyList<RefreshWarning> warnings, CancellationToken ct) => UpdateAsync(job =>
    {
        job.WarningCount = warnings.Count;
        job.Warnings = warnings.Count > 0 ? System.Text.Json.JsonSerializer.Serialize(warnings) : null;
        job.Status = RefreshJobStatus.Completed;
        job.CompletedAt = Now;
        job.StatusMessage = null;
        job.ErrorMessage = null;
    }, ct);

    public Task FailAsync(string message, CancellationToken ct) => UpdateAsync(job =>
    {
        job.Status = RefreshJobStatus.Failed;
        job.CompletedAt = Now;
        job.StatusMessage = null;
        job.ErrorMessage = message;
    }, ct);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task UpdateAsync(Action<RefreshJob> change, CancellationToken ct)
    {
        await _writes.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var job = await db.RefreshJobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
            if (job is null)
            {
                return;
            }

            change(job);
            job.UpdatedAt = Now;
            await db.SaveChangesAsync(ct);
            notifier.JobChanged(job);
        }
        finally
        {
            _writes.Release();
        }
    }
}
