using System.Net;
using ProjectTracker.Domain.Configuration;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Access;

/// <summary>
/// Who may use what (README "Access"): <c>Access:RequireLogin</c>, <c>Access:ApiKey</c>,
/// <c>Access:RefreshPermitsPerMinute</c> and <c>Access:TrustedProxies</c>.
/// </summary>
public sealed class AccessOptions
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const int DefaultRefreshPermitsPerMinute = 6;
    public const int DefaultSignInPermitsPerMinute = 10;
    public const int DefaultMaxCircuitsPerClient = 100;
    public const int MinApiKeyLength = 16;

    /// <summary>Everything but sign-in, health, static assets and the webhook needs the owner's login.</summary>
    public bool RequireLogin { get; init; }

    /// <summary>When set, refresh requests need this value in <see cref="ApiKeyHeader"/> (the owner needs none).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Refresh requests one client may start per minute, for GitHub and for WHOOP each; 0 turns the limit off.</summary>
    public int RefreshPermitsPerMinute { get; init; } = DefaultRefreshPermitsPerMinute;

    /// <summary>WHOOP sign-ins (<c>/login/whoop</c>) one client may start per minute; 0 turns the limit off.</summary>
    public int SignInPermitsPerMinute { get; init; } = DefaultSignInPermitsPerMinute;

    /// <summary>Open dashboards (Blazor circuits, each a WebSocket) one client may hold at once; 0 turns the cap off.</summary>
    public int MaxCircuitsPerClient { get; init; } = DefaultMaxCircuitsPerClient;

    /// <summary>
    /// The app's public address (<c>https://tracker.example</c>): when set, WHOOP's redirect URI is built from it, never
    /// from the request's Host header.
    /// </summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>Forwarded headers are believed from any sender (platforms such as Railway whose proxy addresses change).</summary>
    public bool TrustAllProxies { get; init; }

    /// <summary>Proxies whose forwarded headers are believed, besides loopback (ASP.NET's default).</summary>
    public IReadOnlyList<IPNetwork> TrustedProxies { get; init; } = [];

    public static AccessOptions Read(IConfiguration config)
    {
        var apiKey = config.Read("Access:ApiKey");
        if (apiKey is { Length: < MinApiKeyLength })
        {
            // The value is a secret: the message says what is wrong with it, never what it is.
            throw new SettingException("Access:ApiKey", $"must be at least {MinApiKeyLength} characters long (a random string, e.g. from `openssl rand -hex 32`).");
        }

        var requireLogin = config.ReadBool("Access:RequireLogin");
        if (requireLogin && (config.Read("Whoop:ClientId") is null || config.Read("Whoop:ClientSecret") is null))
        {
            throw new SettingException("Access:RequireLogin",
                "needs WHOOP_CLIENT_ID and WHOOP_CLIENT_SECRET: the owner signs in with WHOOP, so without them nobody could.");
        }

        var proxies = (config.Read("Access:TrustedProxies") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new AccessOptions
        {
            RequireLogin = requireLogin,
            ApiKey = apiKey,
            RefreshPermitsPerMinute = config.ReadInt("Access:RefreshPermitsPerMinute", DefaultRefreshPermitsPerMinute, 0, 10_000),
            SignInPermitsPerMinute = config.ReadInt("Access:SignInPermitsPerMinute", DefaultSignInPermitsPerMinute, 0, 10_000),
            MaxCircuitsPerClient = config.ReadInt("Access:MaxCircuitsPerClient", DefaultMaxCircuitsPerClient, 0, 100_000),
            PublicBaseUrl = ReadPublicBaseUrl(config),
            TrustAllProxies = proxies.Contains("*"),
            TrustedProxies = proxies.Where(p => p != "*").Select(ParseNetwork).ToArray(),
        };
    }

    private static Uri? ReadPublicBaseUrl(IConfiguration config)
    {
        if (config.Read("Access:PublicBaseUrl") is not { } value)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.Query.Length == 0 && url.Fragment.Length == 0
            ? url
            : throw new SettingException("Access:PublicBaseUrl", $"must be the app's absolute address such as https://tracker.example (no query); got '{value}'.");
    }

    // A single address is a network of one.
    private static IPNetwork ParseNetwork(string value)
    {
        if (IPAddress.TryParse(value, out var address))
        {
            return new IPNetwork(address, address.GetAddressBytes().Length * 8);
        }

        return IPNetwork.TryParse(value, out var network)
            ? network
            : throw new SettingException("Access:TrustedProxies",
                $"must be comma-separated IP addresses or networks (10.0.0.0/8), or * for any; '{value}' is neither.");
    }
}
