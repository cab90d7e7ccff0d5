namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>Syncs a range with the owner's token; an access token WHOOP refuses (401) is refreshed once and retried.</summary>
public sealed class WhoopRefreshService(WhoopTokenService tokens, WhoopSyncService sync, WhoopApiClient api)
{
    public Task<WhoopSyncResult> SyncDaysAsync(
        Time.DateRange days, string syncType, CancellationToken ct, Func<WhoopSyncProgress, Task>? progress = null) =>
        RecordedAsync(syncType, () => WithTokenAsync(token => sync.SyncDaysAsync(days, token, syncType, ct, progress), ct));

    // The sync status then names the real cause (a renewal refused or failing), not the 401 that led to the renewal.
    private async Task<WhoopSyncResult> RecordedAsync(string syncType, Func<Task<WhoopSyncResult>> run)
    {
        try
        {
            return await run();
        }
        catch (WhoopApiException e) when (e is not WhoopNotConnectedException)
        {
            await sync.RecordFailureAsync(syncType, e.Message);
            throw;
        }
    }

    public Task<Api.WhoopUserProfile> GetProfileAsync(CancellationToken ct) =>
        WithTokenAsync(token => api.GetProfileAsync(token, ct), ct);

    /// <summary>
    /// The body measurement, or null when the grant lacks <c>read:body_measurement</c> (connections made before the app
    /// asked for it, or the member left it unticked) or WHOOP does not answer it: the profile is worth keeping without it.
    /// </summary>
    /// <exception cref="WhoopApiException">Not connected, or reconnect needed.</exception>
    public async Task<Api.WhoopBodyMeasurement?> GetBodyMeasurementAsync(CancellationToken ct)
    {
        var state = await tokens.GetStateAsync(ct);
        // Tokens imported from the old app's variables carry no scopes: worth one try.
        if (state.Scopes.Length > 0 && !state.Scopes.Contains(Api.WhoopScopes.BodyMeasurement))
        {
            return null;
        }

        var token = await tokens.GetAccessTokenAsync(ct) ?? throw new WhoopNotConnectedException();
        return await TryGetBodyMeasurementAsync(token, ct);
    }

    /// <summary>The body measurement with this token, or null when WHOOP refuses or fails to answer it.</summary>
    public async Task<Api.WhoopBodyMeasurement?> TryGetBodyMeasurementAsync(string accessToken, CancellationToken ct)
    {
        try
        {
            return await api.GetBodyMeasurementAsync(accessToken, ct);
        }
        catch (WhoopApiException)
        {
            // A refusal here (403 without the scope, or 401) is no reason to renew the token or fail the profile read.
            return null;
        }
    }

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
