namespace ProjectTracker.Domain.Whoop;

/// <summary>The states of a <see cref="WhoopSyncJob"/>.</summary>
public static class WhoopSyncJobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static bool IsFinished(string status) => status is Completed or Failed;
}
