namespace ProjectTracker.Domain.Persistence;

/// <summary>
/// A short-lived value every app instance sees (table <c>shared_state</c>): OAuth sign-in state, server-side sessions,
/// webhook deliveries already handled, the WHOOP sync lease. Expired rows are ignored and swept.
/// </summary>
public sealed class SharedStateEntry
{
    public required string Key { get; set; }
    public required byte[] Value { get; set; }
    public DateTime ExpiresAt { get; set; }
}
