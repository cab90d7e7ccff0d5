namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>WHOOP is not connected: nothing to sync with.</summary>
public sealed class WhoopNotConnectedException() : WhoopApiException("WHOOP is not connected.");
