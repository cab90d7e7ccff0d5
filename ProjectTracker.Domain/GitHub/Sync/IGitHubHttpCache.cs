namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>Where the conditional-request client keeps the last answer (ETag and body) for each GET URL.</summary>
public interface IGitHubHttpCache
{
    Task<GitHubHttpCacheEntry?> FindAsync(string url, CancellationToken cancellationToken);

    Task StoreAsync(GitHubHttpCacheEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes every entry whose URL <paramref name="keep"/> rejects.</summary>
    Task PruneAsync(Func<string, bool> keep, CancellationToken cancellationToken);
}
