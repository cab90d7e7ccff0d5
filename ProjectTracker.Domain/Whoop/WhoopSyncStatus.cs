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
}
