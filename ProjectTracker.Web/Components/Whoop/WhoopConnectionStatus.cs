using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Components.Whoop;

public enum WhoopConnectionKind
{
    /// <summary>No client id/secret and no stored tokens: nothing can connect until they are set.</summary>
    NotConfigured,
    NotConnected,
    ReconnectRequired,
    Connected,
}

public static class WhoopConnectionStatus
{
    public static WhoopConnectionKind Of(WhoopOptions options, WhoopConnectionState state) => state switch
    {
        { ReconnectRequired: true } => WhoopConnectionKind.ReconnectRequired,
        { Connected: true } => WhoopConnectionKind.Connected,
        _ when !options.HasClientCredentials => WhoopConnectionKind.NotConfigured,
        _ => WhoopConnectionKind.NotConnected,
    };

    /// <summary>Where Connect and Reconnect go: WHOOP's sign-in, then back to the dashboard.</summary>
    public const string ConnectHref = "/login/whoop?returnUrl=/whoop";
}
