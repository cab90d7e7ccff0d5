namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>WHOOP refused the access token (401): refresh it, or the connection needs the user again.</summary>
public sealed class WhoopUnauthorizedException(string message) : WhoopApiException(message);
