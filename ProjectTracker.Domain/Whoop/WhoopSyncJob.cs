namespace ProjectTracker.Domain.Whoop;

/// <summary>
/// One WHOOP sync and its progress (table <c>whoop_sync_job</c>): every sync through the app's one-at-a-time gate has
/// one, whether a request waited for it or got a status URL (long backfills). Readable from any instance.
/// </summary>
public sealed class WhoopSyncJob
{
    public required string Id { get; set; }
    public string Status { get; set; } = WhoopSyncJobStatus.Queued;

    /// <summary><c>manual</c>, <c>full</c>, <c>incremental</c>, <c>today</c>, <c>scheduled</c>…, as <c>whoop_sync_status</c> says.</summary>
    public required string SyncType { get; set; }

    /// <summary>The first and last UTC day asked for.</summary>
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>Written with every part: a queued or running job not updated for long was cut off by a restart.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Parts of <see cref="Sync.WhoopSyncService.ChunkDays"/> days read and committed, of all the range's parts.</summary>
    public int PartsDone { get; set; }
    public int PartsTotal { get; set; }

    public int Recovery { get; set; }
    public int Sleep { get; set; }
    public int Workouts { get; set; }
    public int Cycles { get; set; }
    public string? ErrorMessage { get; set; }

    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;
    public int TotalRecords => Recovery + Sleep + Workouts + Cycles;

    /// <summary>Percent of the parts done, one decimal; 100 once completed (empty years are skipped in one step).</summary>
    public double Progress => Status == WhoopSyncJobStatus.Completed ? 100
        : PartsTotal > 0 ? Math.Round(PartsDone * 100.0 / PartsTotal, 1) : 0;
}
