using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Jobs;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// With several instances a sync may run on another one, whose pages hear of it and ours do not. While any WHOOP page is
/// open here, this reads <c>whoop_sync_status</c> every few seconds and tells the pages when a sync ended that this
/// process did not publish itself.
/// </summary>
public sealed class WhoopSyncWatcher(
    WhoopReadService whoop, WhoopSyncNotifier notifier, TimeProvider time, ILogger<WhoopSyncWatcher> logger)
    : DatabaseWatcher(Interval, time, logger, "the WHOOP sync status")
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private DateTime? _lastSeen;

    protected override async Task LookAsync(CancellationToken ct)
    {
        if (!notifier.HasListeners)
        {
            _lastSeen = null; // nobody to tell; start afresh when a page opens
            return;
        }

        var lastSync = (await whoop.GetLastSyncAsync(ct))?.LastSyncAt;
        var changed = _lastSeen is { } seen && lastSync > seen;
        _lastSeen = lastSync ?? DateTime.MinValue;
        if (changed && lastSync > notifier.LastPublishedAt)
        {
            notifier.PublishFinishedElsewhere();
        }
    }
}
