using System.ComponentModel.DataAnnotations;
using ProjectTracker.Domain.Configuration;

namespace ProjectTracker.Domain.Whoop;

/// <summary>Settings of section <c>Whoop</c>; credentials also come from the old <c>WHOOP_*</c> variables.</summary>
public sealed class WhoopOptions
{
    public const string Section = "Whoop";

    /// <summary>Ends at <c>/developer</c>; the client appends <c>/v2/…</c>.</summary>
    [HttpUrl]
    public Uri ApiBaseUrl { get; set; } = new("https://api.prod.whoop.com/developer");

    [HttpUrl]
    public Uri AuthorizationEndpoint { get; set; } = new("https://api.prod.whoop.com/oauth/oauth2/auth");

    [HttpUrl]
    public Uri TokenEndpoint { get; set; } = new("https://api.prod.whoop.com/oauth/oauth2/token");
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Bootstrap tokens (the old app's way of connecting), imported once into the token store.</summary>
    public string? AccessToken { get; set; }
    public string? RefreshToken { get; set; }

    /// <summary>How long one request to WHOOP (API or token endpoint) may take before the sync fails saying it timed out.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", SettingMessages.LongestDuration, ErrorMessage = SettingMessages.Timeout)]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before asking again after a transient failure (5xx, timeout, broken answer); doubles each time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", SettingMessages.LongestDuration, ErrorMessage = SettingMessages.Duration)]
    public TimeSpan RetryBackOff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Cron expression of the recurring sync of the last few days (hourly).</summary>
    public string SyncSchedule { get; set; } = "0 * * * *";

    public bool HasClientCredentials => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
