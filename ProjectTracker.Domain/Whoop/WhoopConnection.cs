namespace ProjectTracker.Domain.Whoop;

/// <summary>
/// The owner's WHOOP connection (table <c>whoop_connection</c>, one row). Tokens are stored only in their protected
/// (encrypted) form; see <see cref="Sync.ITokenProtector"/>.
/// </summary>
public sealed class WhoopConnection
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string? WhoopUserId { get; set; }
    public string? ProtectedAccessToken { get; set; }
    public string? ProtectedRefreshToken { get; set; }

    /// <summary>When the access token expires; null when unknown (tokens imported from the old variables).</summary>
    public DateTime? ExpiresAt { get; set; }
    public string? Scopes { get; set; }

    /// <summary>WHOOP refused the refresh token: the owner must connect again. No refresh is tried until then.</summary>
    public bool ReconnectRequired { get; set; }

    /// <summary>Set once <c>WHOOP_ACCESS_TOKEN</c>/<c>WHOOP_REFRESH_TOKEN</c> were imported, so they are never imported twice.</summary>
    public bool BootstrapImported { get; set; }
    public DateTime? ConnectedAt { get; set; }

    /// <summary>While set and in the future, one app instance is renewing the tokens; the others wait for its result.</summary>
    public DateTime? RefreshLeaseUntil { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
