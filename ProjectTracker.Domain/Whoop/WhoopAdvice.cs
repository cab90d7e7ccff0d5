using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Domain.Whoop;

/// <summary>
/// The WHOOP connection's state and what to do about it, worded once for the API's answers, the pages and sign-in errors
/// (the setup guide and the connection panel say more, with links).
/// </summary>
public static class WhoopAdvice
{
    /// <summary>Where "Connect WHOOP" starts: the web app's sign-in route.</summary>
    public const string ConnectPath = "/login/whoop";

    public const string NotConfigured =
        "WHOOP is not configured. Set WHOOP_CLIENT_ID and WHOOP_CLIENT_SECRET (from developer.whoop.com), restart, then connect WHOOP.";

    public const string NotConnected = $"WHOOP is not connected. Open {ConnectPath} in a browser and sign in with your WHOOP account.";

    /// <summary>The step after any reason the connection was lost.</summary>
    public const string ReconnectStep = $"Open {ConnectPath} to connect WHOOP again; the data already stored is kept.";

    public const string ReconnectRequired = $"WHOOP refused to renew the connection. {ReconnectStep}";

    public static WhoopConnectionKind KindOf(WhoopOptions options, WhoopConnectionState state) => state switch
    {
        { ReconnectRequired: true } => WhoopConnectionKind.ReconnectRequired,
        { Connected: true } => WhoopConnectionKind.Connected,
        _ when !options.HasClientCredentials => WhoopConnectionKind.NotConfigured,
        _ => WhoopConnectionKind.NotConnected,
    };

    /// <summary>Not configured or not connected, for a caller that found no usable connection.</summary>
    public static string Missing(WhoopOptions options) => options.HasClientCredentials ? NotConnected : NotConfigured;
}
