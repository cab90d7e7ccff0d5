using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace ProjectTracker.Web.Access;

/// <summary>
/// Who may start a refresh. Anyone by default (coalesced and rate-limited); with <c>Access:ApiKey</c> set, the owner or a
/// request carrying the key; with <c>Access:RequireLogin</c>, the owner or (when set) the key.
/// </summary>
public sealed class RefreshAccess(AccessOptions options, OwnerRule owner)
{
    private readonly byte[]? _keyHash = options.ApiKey is { } key ? Hash(key) : null;

    /// <summary>Whether the dashboards show refresh buttons to this user.</summary>
    public bool CanRefresh(ClaimsPrincipal user) =>
        owner.IsOwner(user) || (options.ApiKey is null && !options.RequireLogin);

    /// <summary>Whether this refresh request may run.</summary>
    public bool IsAllowed(HttpContext context) =>
        CanRefresh(context.User) || KeyMatches(context.Request.Headers[AccessOptions.ApiKeyHeader]);

    /// <summary>Compares in constant time; hashing first keeps the key's length from showing in the timing too.</summary>
    public bool KeyMatches(string? presented) =>
        _keyHash is not null && presented is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(_keyHash, Hash(presented));

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
