namespace ProjectTracker.Domain.Whoop.Api;

/// <summary>The OAuth scopes the app asks WHOOP for, and what each one unlocks.</summary>
public static class WhoopScopes
{
    /// <summary>Without it WHOOP issues no refresh token, and the connection ends with the first access token.</summary>
    public const string Offline = "offline";
    public const string BodyMeasurement = "read:body_measurement";

    public static readonly IReadOnlyList<string> All =
        [Offline, "read:recovery", "read:cycles", "read:sleep", "read:workout", "read:profile", BodyMeasurement];
}
