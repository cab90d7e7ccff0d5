using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;
using ProjectTracker.Web.Jobs;

namespace ProjectTracker.Web.GitHub;

/// <summary>
/// The one path by which refresh progress reaches open dashboards in this process: every change of a job run here, and
/// (through <see cref="RefreshJobWatcher"/>) of a job another instance runs, published as a detached snapshot, never
/// older than one already published. Also lets a caller await a job's end without polling.
/// </summary>
public sealed class RefreshProgressHub : IRefreshProgressNotifier
{
    private readonly Completions<RefreshJob> _finished = new();
    // Read and written only under _publishing.
    private readonly Dictionary<string, RefreshJob> _latest = [];
    private readonly Lock _publishing = new();

    /// <summary>Raised on the job's (or the watcher's) thread with a snapshot the receiver may keep.</summary>
    public event Action<RefreshJob>? Changed;

    public bool HasListeners => Changed is not null;

    /// <summary>A change written by a job running in this process.</summary>
    public void JobChanged(RefreshJob job) => Publish(job.Snapshot(), onlyIfNewer: false);

    /// <summary>A job as the database has it (another instance may run it): published only when it says more.</summary>
    public void Observe(RefreshJob stored) => Publish(stored.Snapshot(), onlyIfNewer: true);

    /// <summary>Completes when job <paramref name="jobId"/> ends (completed or failed) in this process.</summary>
    public Task<RefreshJob> WhenFinishedAsync(string jobId, CancellationToken cancellationToken = default) =>
        _finished.WhenDone(jobId).WaitAsync(cancellationToken);

    private void Publish(RefreshJob snapshot, bool onlyIfNewer)
    {
        lock (_publishing)
        {
            if (onlyIfNewer && _latest.TryGetValue(snapshot.Id, out var known) && !known.IsOlderThan(snapshot))
            {
                return;
            }

            _latest[snapshot.Id] = snapshot;
            if (RefreshJobStatus.IsFinished(snapshot.Status))
            {
                // Only the newest ended job is kept, so the table of known jobs stays as small as the jobs running.
                foreach (var ended in _latest.Values.Where(j => j.Id != snapshot.Id && RefreshJobStatus.IsFinished(j.Status)).ToList())
                {
                    _latest.Remove(ended.Id);
                }
            }
        }

        Changed?.Invoke(snapshot);
        if (RefreshJobStatus.IsFinished(snapshot.Status))
        {
            _finished.Complete(snapshot.Id, snapshot);
        }
    }
}
