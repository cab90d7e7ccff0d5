using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// With several instances a sync may run on another one, whose pages hear of it and ours do not. While any WHOOP page is
/// open here, this reads <c>whoop_sync_status</c> every few seconds and tells the pages when a sync ended that this
/// process did not publish itself.
/// </summary>
public sealed class WhoopSyncWatcher(
    WhoopReadService whoop, WhoopSyncNotifier notifier, TimeProvider time, ILogger<WhoopSyncWatcher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    // Started with the service, not with the loop: a tick that comes before the loop waits for it is kept, not lost.
    private readonly PeriodicTimer _timer = new(Interval, time);
    private DateTime? _lastSeen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not read the WHOOP sync status for open dashboards");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    /// <summary>One look at the database; public for tests.</summary>
    public async Task CheckAsync(CancellationToken ct)
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
