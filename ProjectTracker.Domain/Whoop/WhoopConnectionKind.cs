namespace ProjectTracker.Domain.Whoop;

/// <summary>Where the WHOOP connection stands, from the settings and the stored tokens.</summary>
public enum WhoopConnectionKind
{
    /// <summary>No client id/secret and no stored tokens: nothing can connect until they are set.</summary>
    NotConfigured,
    NotConnected,
    ReconnectRequired,
    Connected,
}
