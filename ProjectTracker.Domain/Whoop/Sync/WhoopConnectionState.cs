namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>What <c>/api/whoop/status</c> and the dashboard show of the connection — never a token.</summary>
public sealed record WhoopConnectionState(
    bool Connected, bool HasAccessToken, bool HasRefreshToken, string? WhoopUserId, DateTime? ExpiresAt, string[] Scopes,
    bool ReconnectRequired);
