namespace ProjectTracker.Web.Whoop.Components;

public static class WhoopConnectionStatus
{
    /// <summary>Where Connect and Reconnect go: WHOOP's sign-in, then back to the dashboard.</summary>
    public const string ConnectHref = "/login/whoop?returnUrl=/whoop";
}
