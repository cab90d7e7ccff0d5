using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>
/// The owner's WHOOP tokens: stored encrypted, refreshed shortly before they expire, one refresh at a time (WHOOP rotates
/// refresh tokens: a second concurrent refresh would lose the connection) — in this process and across app instances
/// sharing the database — the new pair saved in one write before use.
/// A refused refresh marks the connection "reconnect needed" and is not retried.
/// </summary>
public sealed class WhoopTokenService(
    IDbContextFactory<TrackerDbContext> contexts, ITokenProtector protector, HttpClient http, WhoopOptions options, TimeProvider time)
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LeasePoll = TimeSpan.FromMilliseconds(100);
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    private const string UnreadableMessage =
        "The stored WHOOP tokens cannot be decrypted: the app's Data Protection keys were lost or replaced.";

    public async Task<WhoopConnectionState> GetStateAsync(CancellationToken ct)
    {
        var row = await LoadAsync(ct);
        if (row is { ProtectedAccessToken: { } stored, ReconnectRequired: false })
        {
            try
            {
                Reveal(stored); // "connected" only while the tokens can still be read
            }
            catch (TokensUnreadableException)
            {
                await MarkUnreadableAsync(ct);
                row.ReconnectRequired = true;
            }
        }

        var hasAccess = row?.ProtectedAccessToken is not null;
        return new WhoopConnectionState(
            hasAccess && row!.ReconnectRequired is false, hasAccess, row?.ProtectedRefreshToken is not null, row?.WhoopUserId,
            row?.ExpiresAt, row?.Scopes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [], row?.ReconnectRequired ?? false);
    }

    /// <summary>A usable access token, refreshed first when it expires within five minutes; null when not connected.</summary>
    public async Task<string?> GetAccessTokenAsync(CancellationToken ct)
    {
        var row = await LoadAsync(ct);
        if (row?.ProtectedAccessToken is not { } access || row.ReconnectRequired)
        {
            return null;
        }

        string token;
        try
        {
            token = Reveal(access);
        }
        catch (TokensUnreadableException)
        {
            await MarkUnreadableAsync(ct);
            throw new WhoopReconnectRequiredException(UnreadableMessage);
        }

        return row.ExpiresAt is { } expires && expires - RefreshAhead <= time.GetUtcNow().UtcDateTime
            ? await RefreshAsync(token, ct)
            : token;
    }

    private string Reveal(string protectedToken)
    {
        try
        {
            return protector.Unprotect(protectedToken);
        }
        catch (CryptographicException e)
        {
            throw new TokensUnreadableException(e);
        }
    }

    // Tokens nobody can read are as good as none: the owner connects again (the owner's user id stays).
    private async Task MarkUnreadableAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.WhoopConnections.Where(c => c.Id == WhoopConnection.SingletonId).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.ReconnectRequired, true)
            .SetProperty(c => c.UpdatedAt, time.GetUtcNow().UtcDateTime), ct);
    }

    /// <summary>
    /// Refreshes unless another caller already replaced <paramref name="staleAccessToken"/> (then answers that caller's
    /// token): concurrent callers that found the same expired token cause one refresh.
    /// </summary>
    public async Task<string> RefreshAsync(string? staleAccessToken, CancellationToken ct)
    {
        try
        {
            return await RefreshReadableAsync(staleAccessToken, ct);
        }
        catch (TokensUnreadableException)
        {
            await MarkUnreadableAsync(ct);
            throw new WhoopReconnectRequiredException(UnreadableMessage);
        }
    }

    private async Task<string> RefreshReadableAsync(string? staleAccessToken, CancellationToken ct)
    {
        // One renewal per process (the semaphore), and one across instances (a lease on the connection row).
        await _refreshing.WaitAsync(ct);
        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew(); // real time: a stuck lease must not hold callers forever
            while (true)
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                var row = await db.WhoopConnections.SingleOrDefaultAsync(ct)
                    ?? throw new WhoopReconnectRequiredException("WHOOP is not connected.");
                if (row.ReconnectRequired)
                {
                    throw new WhoopReconnectRequiredException("WHOOP needs to be connected again.");
                }

                if (RenewedSince(row, staleAccessToken) is { } renewed)
                {
                    return renewed; // renewed meanwhile, here or by another instance
                }

                if (await TryTakeLeaseAsync(db, ct))
                {
                    // Another instance may have renewed and released its lease between our read and our lease:
                    // renewing again would rotate away the tokens it is already using.
                    await db.Entry(row).ReloadAsync(ct);
                    if (RenewedSince(row, staleAccessToken) is { } renewedMeanwhile)
                    {
                        await ReleaseLeaseAsync(db);
                        return renewedMeanwhile;
                    }

                    return await RenewHoldingLeaseAsync(db, row, ct);
                }

                if (waited.Elapsed > LeaseLength)
                {
                    throw new WhoopApiException("Another app instance is renewing the WHOOP connection and has not finished; try again shortly.");
                }

                await Task.Delay(LeasePoll, ct); // another instance holds the lease: wait for its tokens
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<bool> TryTakeLeaseAsync(TrackerDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + LeaseLength;
        var taken = await db.WhoopConnections
            .Where(c => c.Id == WhoopConnection.SingletonId && (c.RefreshLeaseUntil == null || c.RefreshLeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.RefreshLeaseUntil, until), ct);
        return taken == 1;
    }

    private async Task<string> RenewHoldingLeaseAsync(TrackerDbContext db, WhoopConnection row, CancellationToken ct)
    {
        try
        {
            if (row.ProtectedRefreshToken is not { } refresh || !options.HasClientCredentials)
            {
                return await RequireReconnectAsync(db, row, "WHOOP's access token expired and there is no refresh token (or client credentials) to renew it.", ct);
            }

            using var response = await PostRefreshAsync(Reveal(refresh), ct);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
            {
                return await RequireReconnectAsync(db, row, "WHOOP refused to renew the connection (the refresh token is no longer valid).", ct);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new WhoopApiException($"WHOOP's token endpoint answered {(int)response.StatusCode} {response.StatusCode}; try again later.");
            }

            var tokens = await ReadTokensAsync(response, ct);
            Apply(row, tokens.AccessToken, tokens.RefreshToken ?? Reveal(refresh), tokens.ExpiresIn, tokens.Scope);
            row.RefreshLeaseUntil = null; // the new pair and the lease's end in one write
            await db.SaveChangesAsync(ct);
            return tokens.AccessToken;
        }
        finally
        {
            if (row.RefreshLeaseUntil is not null)
            {
                await ReleaseLeaseAsync(db);
            }
        }
    }

    // The refresh token may or may not have been used up when the answer is lost; the connection stays as it is, and
    // the next sync tries again (WHOOP's invalid_grant then asks for a reconnect).
    private async Task<HttpResponseMessage> PostRefreshAsync(string refreshToken, CancellationToken ct)
    {
        try
        {
            return await http.PostAsync(options.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret!,
                ["scope"] = WhoopScopes.Offline,
            }), ct);
        }
        catch (Exception e) when (WhoopTransport.Describe(e, ct) is { } failure)
        {
            throw new WhoopApiException($"WHOOP's token endpoint {failure} while renewing the connection; try again later.", e);
        }
    }

    private static async Task<TokenResponse> ReadTokensAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var tokens = await JsonSerializer.DeserializeAsync<TokenResponse>(await response.Content.ReadAsStreamAsync(ct), Api.WhoopJson.Options, ct);
            return tokens is { AccessToken.Length: > 0 }
                ? tokens
                : throw new WhoopApiException("WHOOP's token endpoint answered without tokens; try again later.");
        }
        catch (JsonException e)
        {
            throw new WhoopApiException("WHOOP's token endpoint answered with malformed JSON while renewing the connection; try again later.", e);
        }
    }

    private static Task ReleaseLeaseAsync(TrackerDbContext db) =>
        db.WhoopConnections.Where(c => c.Id == WhoopConnection.SingletonId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.RefreshLeaseUntil, (DateTime?)null), CancellationToken.None);

    private string? RenewedSince(WhoopConnection row, string? staleAccessToken) =>
        row.ProtectedAccessToken is { } current && Reveal(current) is var token && token != staleAccessToken
            ? token
            : null;

    /// <summary>
    /// Makes <paramref name="whoopUserId"/> the owner unless another account already is, in one conditional write (an
    /// update of the row while its owner is unset or this account, or the insert of the first row, whose key two racing
    /// callers cannot both insert): of two first sign-ins at once exactly one wins. True when this account owns the app.
    /// </summary>
    public async Task<bool> ClaimOwnerAsync(string whoopUserId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var claimed = await db.WhoopConnections
                .Where(c => c.Id == WhoopConnection.SingletonId && (c.WhoopUserId == null || c.WhoopUserId == whoopUserId))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.WhoopUserId, whoopUserId), ct);
            if (claimed == 1)
            {
                return true;
            }

            if (await db.WhoopConnections.AnyAsync(ct))
            {
                return false; // another account owns it
            }

            db.WhoopConnections.Add(new WhoopConnection { WhoopUserId = whoopUserId, ConnectedAt = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another caller inserted the row first: its owner decides, read again.
            }
        }
    }

    /// <summary>
    /// Stores the owner's tokens after sign-in; <paramref name="whoopUserId"/> must have been claimed with
    /// <see cref="ClaimOwnerAsync"/>. False (nothing written) when the row belongs to another account.
    /// </summary>
    public async Task<bool> SaveOwnerTokensAsync(string whoopUserId, string accessToken, string? refreshToken, int? expiresInSeconds, string? scopes, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.WhoopConnections.SingleOrDefaultAsync(ct);
        if (row?.WhoopUserId != whoopUserId)
        {
            return false;
        }

        row.ReconnectRequired = false;
        Apply(row, accessToken, refreshToken, expiresInSeconds, scopes);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Stores a new connection's tokens (the old variables; sign-in uses <see cref="SaveOwnerTokensAsync"/>).</summary>
    public async Task SaveAsync(string? whoopUserId, string accessToken, string? refreshToken, int? expiresInSeconds, string? scopes, bool bootstrap, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.WhoopConnections.SingleOrDefaultAsync(ct);
        if (row is null)
        {
            row = new WhoopConnection { ConnectedAt = time.GetUtcNow().UtcDateTime };
            db.WhoopConnections.Add(row);
        }

        row.WhoopUserId = whoopUserId ?? row.WhoopUserId;
        row.ReconnectRequired = false;
        row.BootstrapImported |= bootstrap;
        Apply(row, accessToken, refreshToken, expiresInSeconds, scopes);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Disconnect: forgets the stored tokens (nothing can be synced until the owner connects again). The owner's WHOOP
    /// user id stays, so disconnecting never lets another account take the app over; stored WHOOP data stays too.
    /// </summary>
    public async Task ForgetAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.WhoopConnections.Where(c => c.Id == WhoopConnection.SingletonId).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.ProtectedAccessToken, (string?)null)
            .SetProperty(c => c.ProtectedRefreshToken, (string?)null)
            .SetProperty(c => c.ExpiresAt, (DateTime?)null)
            .SetProperty(c => c.ReconnectRequired, false)
            .SetProperty(c => c.UpdatedAt, time.GetUtcNow().UtcDateTime), ct);
    }

    /// <summary><c>WHOOP_ACCESS_TOKEN</c> / <c>WHOOP_REFRESH_TOKEN</c>, imported once into the encrypted store.</summary>
    /// <remarks>They carry no WHOOP user id: the caller learns it by reading the profile with them (see the web app's
    /// <c>WhoopOwnership</c>) — until then no sign-in may claim the app.</remarks>
    public async Task ImportBootstrapTokensAsync(CancellationToken ct)
    {
        if (options.AccessToken is not { } access)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.WhoopConnections.AnyAsync(c => c.BootstrapImported || c.ProtectedAccessToken != null, ct))
        {
            return;
        }

        await SaveAsync(null, access, options.RefreshToken, expiresInSeconds: null, scopes: null, bootstrap: true, ct);
    }

    private void Apply(WhoopConnection row, string accessToken, string? refreshToken, int? expiresInSeconds, string? scopes)
    {
        var now = time.GetUtcNow().UtcDateTime;
        row.ProtectedAccessToken = protector.Protect(accessToken);
        row.ProtectedRefreshToken = refreshToken is null ? null : protector.Protect(refreshToken);
        row.ExpiresAt = expiresInSeconds is { } seconds ? now.AddSeconds(seconds) : null;
        row.Scopes = scopes ?? row.Scopes;
        row.UpdatedAt = now;
    }

    private async Task<string> RequireReconnectAsync(TrackerDbContext db, WhoopConnection row, string message, CancellationToken ct)
    {
        row.ReconnectRequired = true;
        row.RefreshLeaseUntil = null;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        throw new WhoopReconnectRequiredException(message);
    }

    private async Task<WhoopConnection?> LoadAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WhoopConnections.AsNoTracking().SingleOrDefaultAsync(ct);
    }

    private sealed record TokenResponse(string AccessToken, string? RefreshToken, int? ExpiresIn, string? Scope, string? TokenType);
}
