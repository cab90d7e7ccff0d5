using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

/// <summary>How a WHOOP sync ended: the counts it stored, or why it failed.</summary>
public sealed record WhoopSyncOutcome(Domain.Time.DateRange Range, WhoopSyncResult? Synced, string? Error, string JobId)
{
    public bool Succeeded => Error is null;
}
