namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>WHOOP refused the refresh token: the owner must connect again; stored data is untouched.</summary>
public sealed class WhoopReconnectRequiredException(string message) : WhoopApiException(message);
