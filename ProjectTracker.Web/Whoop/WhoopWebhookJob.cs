using Hangfire;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

/// <summary>The background half of a webhook: fetch (or delete) the named record.</summary>
public sealed class WhoopWebhookJob(WhoopRefreshService whoop, WhoopWebhookNotifications notifications)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task ApplyAsync(string type, string id, CancellationToken cancellationToken)
    {
        await whoop.ApplyEventAsync(type, id, cancellationToken);
        notifications.Applied(type, id);
    }
}
