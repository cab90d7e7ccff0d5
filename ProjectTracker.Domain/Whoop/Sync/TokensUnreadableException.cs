namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>The stored tokens cannot be decrypted (the app's Data Protection keys were lost or rotated away).</summary>
internal sealed class TokensUnreadableException(Exception inner) : Exception(inner.Message, inner);
