namespace ProjectTracker.Domain.Whoop;

/// <summary>The last WHOOP sync's outcome (table <c>whoop_sync_status</c>, the old app's).</summary>
public sealed class WhoopSyncStatus
{
    public int Id { get; set; }
    public DateTime? LastSyncAt { get; set; }
    public string? LastSyncType { get; set; }
    public int? RecordsSynced { get; set; }
    public string? Status { get; set; }
    public string? ErrorMessage { get; set; }

    /// <summary>
    /// The first and last day (UTC) a failed sync left unread, after keeping the newer chunks it did read; null when
    /// nothing is missing. The next sync of that range fills them.
    /// </summary>
    public DateTime? MissingFrom { get; set; }
    public DateTime? MissingUntil { get; set; }
}
