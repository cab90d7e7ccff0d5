namespace ProjectTracker.Domain.Whoop.Api;

/// <summary>
/// The one list of WHOOP OAuth scopes: what to tick when registering the app on WHOOP's developer dashboard, and what
/// "Connect WHOOP" asks for (those plus <see cref="Offline"/>). The README and <c>/setup</c> say the same (tested).
/// </summary>
public static class WhoopScopes
{
    /// <summary>Without it WHOOP issues no refresh token, and the connection ends with the first access token.</summary>
    public const string Offline = "offline";
    public const string BodyMeasurement = "read:body_measurement";

    /// <summary>The same words on <c>/setup</c> and in the README.</summary>
    public const string OfflineExplained =
        "There is no box for offline: the app asks for it itself when you connect, and WHOOP then issues the refresh token that keeps the connection alive.";

    /// <summary>The boxes to tick on WHOOP's developer dashboard.</summary>
    public static readonly IReadOnlyList<string> ToTick =
        ["read:recovery", "read:cycles", "read:sleep", "read:workout", "read:profile", BodyMeasurement];

    /// <summary>What the sign-in request asks for.</summary>
    public static readonly IReadOnlyList<string> Requested = [Offline, .. ToTick];
}
