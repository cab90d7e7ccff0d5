using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;

namespace ProjectTracker.Web.Jobs;

/// <summary>
/// Publishes every change of a refresh job to subscribers in this process (open dashboards), and lets a caller await
/// a job's end without polling.
/// </summary>
public sealed class RefreshProgressHub : IRefreshProgressNotifier
{
    private readonly Completions<RefreshJob> _finished = new();

    public event Action<RefreshJob>? Changed;

    public void JobChanged(RefreshJob job)
    {
        Changed?.Invoke(job);
        if (job.Status is RefreshJobStatus.Completed or RefreshJobStatus.Failed)
        {
            _finished.Complete(job.Id, job);
        }
    }

    /// <summary>Completes when job <paramref name="jobId"/> ends (completed or failed) in this process.</summary>
    public Task<RefreshJob> WhenFinishedAsync(string jobId, CancellationToken cancellationToken = default) =>
        _finished.WhenDone(jobId).WaitAsync(cancellationToken);
}
