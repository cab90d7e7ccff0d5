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

    /// <summary>
    /// Disconnects: revokes the grant at WHOOP, then forgets the stored tokens whatever WHOOP answered; stored data stays.
    /// False when WHOOP could not confirm the revocation (unreachable, or the token could not be renewed): the owner can
    /// still remove the app in WHOOP's own settings.
    /// </summary>
    public async Task<bool> DisconnectAsync(CancellationToken ct)
    {
        var revoked = true;
        try
        {
            if (await tokens.GetAccessTokenAsync(ct) is { } token)
            {
                await api.RevokeAccessAsync(token, ct);
            }
        }
        catch (WhoopApiException)
        {
            revoked = false;
        }

        await tokens.ForgetAsync(ct);
        return revoked;
    }

    /// <summary>
    /// Applies one webhook event: fetches the named record and upserts it, or removes it for <c>*.deleted</c>. For
    /// <c>recovery.*</c> the id is the sleep's: the recovery is read through the sleep's cycle.
    /// </summary>
    public async Task<int> ApplyEventAsync(string type, string id, CancellationToken ct)
    {
        var parts = type.Split('.', 2);
        var (kind, action) = (parts[0], parts.Length > 1 ? parts[1] : "");
        if (action == "deleted")
        {
            return await sync.DeleteAsync(kind, id, ct);
        }

        var result = await WithTokenAsync(async token => kind switch
        {
            "workout" => await sync.StoreRecordsAsync([], [], [await api.GetWorkoutAsync(id, token, ct)], ct),
            "sleep" => await sync.StoreRecordsAsync([await api.GetSleepAsync(id, token, ct)], [], [], ct),
            "recovery" => await StoreRecoveryAsync(id, token, ct),
            _ => new WhoopSyncResult(0, 0, 0, 0),
        }, ct);
        return result.Total;
    }

    private async Task<WhoopSyncResult> StoreRecoveryAsync(string sleepId, string token, CancellationToken ct)
    {
        var sleep = await api.GetSleepAsync(sleepId, token, ct);
        var recovery = await api.GetCycleRecoveryAsync(sleep.CycleId, token, ct);
        return await sync.StoreRecordsAsync([sleep], [recovery], [], ct);
    }

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
