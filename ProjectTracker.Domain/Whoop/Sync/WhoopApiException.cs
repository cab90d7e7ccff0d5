namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>WHOOP's API could not give an answer; the message says what happened.</summary>
public class WhoopApiException(string message, Exception? inner = null) : Exception(message, inner);
