using Hangfire;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

/// <summary>The recurring sync of the last few days: webhooks can be missed, and cycles have none.</summary>
public sealed class WhoopScheduledSync(WhoopRangeSync whoop, TimeProvider time, ILogger<WhoopScheduledSync> logger)
{
    public const int Days = 3;

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync()
    {
        try
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            await whoop.SyncAsync(Domain.Time.DateRange.LastDays(Days, today), "scheduled", CancellationToken.None);
        }
        catch (WhoopNotConnectedException)
        {
            // Nothing to do until WHOOP is connected.
        }
        catch (WhoopApiException e)
        {
            logger.LogWarning("Scheduled WHOOP sync failed: {Message}", e.Message);
        }
    }
}
