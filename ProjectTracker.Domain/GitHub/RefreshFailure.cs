namespace ProjectTracker.Domain.GitHub;

/// <summary>The newest finished refresh when it failed: shown until a later refresh completes, so a reload does not hide it.</summary>
public sealed record RefreshFailure(string JobId, string? Message, DateTime? FailedAt);
