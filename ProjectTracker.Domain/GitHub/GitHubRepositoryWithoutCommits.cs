namespace ProjectTracker.Domain.GitHub;

/// <summary>
/// A repository the token can see in which the account has authored no commit (table
/// <c>github_repository_without_commits</c>): not a project, and not asked about again until its <c>pushed_at</c> moves.
/// </summary>
public sealed class GitHubRepositoryWithoutCommits
{
    public long GitHubId { get; set; }
    public required string FullName { get; set; }
    public DateTime? PushedAt { get; set; }
}
