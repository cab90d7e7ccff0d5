using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

/// <summary>How a WHOOP sync ended: the counts it stored, or why it failed.</summary>
public sealed record WhoopSyncOutcome(Domain.Time.DateRange Range, WhoopSyncResult? Synced, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>Tells every open WHOOP page in this process that a sync finished, so each can redraw from the database.</summary>
public sealed class WhoopSyncNotifier
{
    public event Action<WhoopSyncOutcome>? Finished;

    public void Publish(WhoopSyncOutcome outcome) => Finished?.Invoke(outcome);
}
