using System.ComponentModel.DataAnnotations;
using System.Net;
using ProjectTracker.Domain.Configuration;

namespace ProjectTracker.Web.Access;

/// <summary>
/// Who may use what (README "Access"), section <c>Access</c>: <c>RequireLogin</c>, <c>ApiKey</c>, the per-client
/// budgets, <c>PublicBaseUrl</c> and <c>TrustedProxies</c>.
/// </summary>
public sealed class AccessOptions : IValidatableObject
{
    public const string Section = "Access";
    public const string ApiKeyHeader = "X-Api-Key";
    public const int MinApiKeyLength = 16;

    /// <summary>Everything but sign-in, health, static assets and the webhook needs the owner's login.</summary>
    public bool RequireLogin { get; set; }

    /// <summary>When set, refresh requests need this value in <see cref="ApiKeyHeader"/> (the owner needs none).</summary>
    // The value is a secret: the message says what is wrong with it, never what it is.
    [MinLength(MinApiKeyLength, ErrorMessage = "must be at least {1} characters long (a random string, e.g. from `openssl rand -hex 32`)")]
    public string? ApiKey { get; set; }

    /// <summary>Refresh requests one client may start per minute, for GitHub and for WHOOP each; 0 turns the limit off.</summary>
    [Range(0, 10_000, ErrorMessage = SettingMessages.WholeNumber)]
    public int RefreshPermitsPerMinute { get; set; } = 6;

    /// <summary>WHOOP sign-ins (<c>/login/whoop</c>) one client may start per minute; 0 turns the limit off.</summary>
    [Range(0, 10_000, ErrorMessage = SettingMessages.WholeNumber)]
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>Open dashboards (Blazor circuits, each a WebSocket) one client may hold at once; 0 turns the cap off.</summary>
    [Range(0, 100_000, ErrorMessage = SettingMessages.WholeNumber)]
    public int MaxCircuitsPerClient { get; set; } = 100;

    /// <summary>
    /// The app's public address (<c>https://tracker.example</c>): when set, WHOOP's redirect URI is built from it, never
    /// from the request's Host header.
    /// </summary>
    [HttpUrl(SiteOnly = true, ErrorMessage = "must be the app's absolute address such as https://tracker.example (no query)")]
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// Proxies whose forwarded headers are believed, besides loopback (ASP.NET's default): addresses, networks
    /// (<c>10.0.0.0/8</c>), or <c>*</c> for any sender (platforms such as Railway whose proxy addresses change).
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>How long a sign-in lasts at most, however active the session.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "must be a duration from a minute to a year such as 7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    public bool TrustAllProxies => TrustedProxies.Contains("*");

    /// <summary><see cref="TrustedProxies"/> as networks; a single address is a network of one.</summary>
    public IEnumerable<IPNetwork> TrustedNetworks =>
        TrustedProxies.Where(proxy => proxy != "*").Select(proxy => ParseNetwork(proxy) ?? throw new InvalidOperationException($"Not validated: {proxy}"));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TrustedProxies.FirstOrDefault(proxy => proxy != "*" && ParseNetwork(proxy) is null) is { } unreadable)
        {
            yield return new ValidationResult(
                $"must be comma-separated IP addresses or networks (10.0.0.0/8), or * for any; '{unreadable}' is neither", [nameof(TrustedProxies)]);
        }
    }

    private static IPNetwork? ParseNetwork(string value) =>
        IPAddress.TryParse(value, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
        : IPNetwork.TryParse(value, out var network) ? network
        : null;
}
