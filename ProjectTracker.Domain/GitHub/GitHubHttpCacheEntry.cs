namespace ProjectTracker.Domain.GitHub;

/// <summary>
/// The last answer to a GitHub GET (table <c>github_http_cache</c>): sent back as <c>If-None-Match</c>, so an unchanged
/// resource costs a 304, which GitHub does not count against the rate limit.
/// </summary>
public sealed class GitHubHttpCacheEntry
{
    public required string Url { get; set; }
    public required string ETag { get; set; }
    public required string Body { get; set; }

    /// <summary>The answer's <c>Link</c> header: pagination must go on after a 304, which may come without one.</summary>
    public string? Links { get; set; }
    public DateTime StoredAt { get; set; }
}
