namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>WHOOP is not connected: nothing to sync with.</summary>
public sealed class WhoopNotConnectedException() : WhoopApiException("WHOOP is not connected.");

/// <summary>Syncs a range with the owner's token; an access token WHOOP refuses (401) is refreshed once and retried.</summary>
public sealed class WhoopRefreshService(WhoopTokenService tokens, WhoopSyncService sync)
{
    public async Task<WhoopSyncResult> SyncDaysAsync(Time.DateRange days, string syncType, CancellationToken ct)
    {
        var token = await tokens.GetAccessTokenAsync(ct) ?? throw new WhoopNotConnectedException();
        try
        {
            return await sync.SyncDaysAsync(days, token, syncType, ct);
        }
        catch (WhoopUnauthorizedException)
        {
            var renewed = await tokens.RefreshAsync(token, ct);
            return await sync.SyncDaysAsync(days, renewed, syncType, ct);
        }
    }
}
