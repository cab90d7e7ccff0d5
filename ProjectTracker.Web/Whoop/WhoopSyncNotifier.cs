using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// Tells every open WHOOP page in this process that a sync finished, so each can redraw from the database: syncs run here
/// (<see cref="Finished"/>) and, found by <see cref="WhoopSyncWatcher"/>, syncs another instance ran (<see cref="FinishedElsewhere"/>).
/// </summary>
public sealed class WhoopSyncNotifier(TimeProvider time)
{
    public event Action<WhoopSyncOutcome>? Finished;

    public event Action? FinishedElsewhere;

    /// <summary>A sync running here committed a part of its range (job id, progress).</summary>
    public event Action<string, WhoopSyncProgress>? Progressed;

    /// <summary>When this process last published a finished sync: what the database says happened before, pages have.</summary>
    public DateTime LastPublishedAt { get; private set; } = DateTime.MinValue;

    public bool HasListeners => Finished is not null || FinishedElsewhere is not null;

    public void Publish(WhoopSyncOutcome outcome)
    {
        LastPublishedAt = time.GetUtcNow().UtcDateTime;
        Finished?.Invoke(outcome);
    }

    public void PublishFinishedElsewhere() => FinishedElsewhere?.Invoke();

    /// <summary>Records were written without a sync (a data export was imported): open pages read them again.</summary>
    public void PublishImported() => FinishedElsewhere?.Invoke();

    public void PublishProgress(string jobId, WhoopSyncProgress progress) => Progressed?.Invoke(jobId, progress);
}
