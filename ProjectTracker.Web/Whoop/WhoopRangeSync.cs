using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// Syncs a range on request (POST /api/whoop/refresh, the dashboard's button, the recurring job). A request for a range
/// that is already syncing joins that sync instead of starting a second; every finish is published to
/// <see cref="WhoopSyncNotifier"/>.
/// </summary>
public sealed class WhoopRangeSync(WhoopRefreshService refresh, WhoopSyncNotifier notifier)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<DateRange, Task<WhoopSyncResult>> _running = [];

    /// <exception cref="WhoopApiException">Not connected, reconnect needed, or WHOOP failing.</exception>
    public Task<WhoopSyncResult> SyncAsync(DateRange range, string syncType, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_running.TryGetValue(range, out var sync))
            {
                // Not tied to the first caller's cancellation: others may be waiting for the same result.
                sync = Task.Run(() => RunAsync(range, syncType), CancellationToken.None);
                _running[range] = sync;
            }

            return sync.WaitAsync(ct);
        }
    }

    private async Task<WhoopSyncResult> RunAsync(DateRange range, string syncType)
    {
        try
        {
            var synced = await refresh.SyncDaysAsync(range, syncType, CancellationToken.None);
            Finish(range, new WhoopSyncOutcome(range, synced, null));
            return synced;
        }
        catch (Exception e)
        {
            Finish(range, new WhoopSyncOutcome(range, null, e.Message));
            throw;
        }
    }

    // Finish waits for the lock, so a sync that ends at once is still registered first and then removed.
    private void Finish(DateRange range, WhoopSyncOutcome outcome)
    {
        lock (_lock)
        {
            _running.Remove(range);
        }

        notifier.Publish(outcome);
    }
}
