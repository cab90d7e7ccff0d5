namespace ProjectTracker.Domain.Whoop;

/// <summary>Settings of section <c>Whoop</c>; credentials also come from the old <c>WHOOP_*</c> variables.</summary>
public sealed class WhoopOptions
{
    public const string Section = "Whoop";

    /// <summary>Ends at <c>/developer</c>; the client appends <c>/v2/…</c>.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.prod.whoop.com/developer");
    public Uri AuthorizationEndpoint { get; set; } = new("https://api.prod.whoop.com/oauth/oauth2/auth");
    public Uri TokenEndpoint { get; set; } = new("https://api.prod.whoop.com/oauth/oauth2/token");
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Bootstrap tokens (the old app's way of connecting), imported once into the token store.</summary>
    public string? AccessToken { get; set; }
    public string? RefreshToken { get; set; }

    /// <summary>How long one request to WHOOP (API or token endpoint) may take before the sync fails saying it timed out.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before asking again after a transient failure (5xx, timeout, broken answer); doubles each time.</summary>
    public TimeSpan RetryBackOff { get; set; } = TimeSpan.FromSeconds(2);

    public bool HasClientCredentials => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
