namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>How far a sync is: parts of the range read and committed, of all its parts, and what they stored.</summary>
public sealed record WhoopSyncProgress(int PartsDone, int PartsTotal, WhoopSyncResult Synced);
