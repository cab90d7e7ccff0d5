namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>WHOOP is not connected: nothing to sync with.</summary>
public sealed class WhoopNotConnectedException() : WhoopApiException("WHOOP is not connected.");

/// <summary>Syncs a range with the owner's token; an access token WHOOP refuses (401) is refreshed once and retried.</summary>
public sealed class WhoopRefreshService(WhoopTokenService tokens, WhoopSyncService sync, WhoopApiClient api)
{
    public Task<WhoopSyncResult> SyncDaysAsync(Time.DateRange days, string syncType, CancellationToken ct) =>
        WithTokenAsync(token => sync.SyncDaysAsync(days, token, syncType, ct), ct);

    public Task<WhoopSyncResult> SyncAsync(DateTimeOffset start, DateTimeOffset end, string syncType, CancellationToken ct) =>
        WithTokenAsync(token => sync.SyncAsync(start, end, token, syncType, ct), ct);

    public Task<Api.WhoopUserProfile> GetProfileAsync(CancellationToken ct) =>
        WithTokenAsync(token => api.GetProfileAsync(token, ct), ct);

    private async Task<T> WithTokenAsync<T>(Func<string, Task<T>> call, CancellationToken ct)
    {
        var token = await tokens.GetAccessTokenAsync(ct) ?? throw new WhoopNotConnectedException();
        try
        {
            return await call(token);
        }
        catch (WhoopUnauthorizedException)
        {
            return await call(await tokens.RefreshAsync(token, ct));
        }
    }
}
