namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// A GitHub read that cannot go on; the message tells a person what happened and what to do. <see cref="StatusCode"/> is
/// GitHub's answer when it refused one resource (403, 404, 409, 451): a refresh then skips that repository only.
/// </summary>
public sealed class GitHubSyncException(string message, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; init; }

    /// <summary>GitHub refused this one repository (no access, gone, blocked), not the token or the rate limit.</summary>
    public bool IsRepositoryRefusal => StatusCode is 403 or 404 or 409 or 451;
}
