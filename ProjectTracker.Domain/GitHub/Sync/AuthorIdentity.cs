using Octokit;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// Who "the owner" is in a commit: the account's login (GitHub links commits by its verified emails to it) or one of its
/// emails, including <c>GitHub:AuthorEmails</c> that GitHub does not link (such commits come with <c>"author": null</c>).
/// </summary>
public sealed class AuthorIdentity(string login, IEnumerable<string> verifiedEmails, IEnumerable<string> extraEmails)
{
    private readonly HashSet<string> _emails = new(verifiedEmails.Concat(extraEmails), StringComparer.OrdinalIgnoreCase);

    public string Login { get; } = login;

    /// <summary>What to list commits by: the login, then each configured email GitHub does not link to the account.</summary>
    public IReadOnlyList<string> ListingAuthors { get; } =
        [login, .. extraEmails.Where(e => !verifiedEmails.Contains(e, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase)];

    public bool Authored(GitHubCommit commit) =>
        string.Equals(commit.Author?.Login, Login, StringComparison.OrdinalIgnoreCase)
        || (commit.Commit?.Author?.Email is { } email && _emails.Contains(email));
}
