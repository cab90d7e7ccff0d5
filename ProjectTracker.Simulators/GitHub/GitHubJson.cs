namespace ProjectTracker.Simulators.GitHub;

/// <summary>
/// GitHub's JSON shapes (snake_case) with the fields api.github.com sends, so answers weigh what real ones do (a commit
/// list item is about 3 KB).
/// </summary>
internal static class GitHubJson
{
    public static Dictionary<string, object?> User(string baseUrl, string login, long id, bool organization = false) => new()
    {
        ["login"] = login, ["id"] = id, ["node_id"] = $"{(organization ? "O" : "U")}_kgDO{id:D8}",
        ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{id}?v=4", ["gravatar_id"] = "",
        ["url"] = $"{baseUrl}users/{login}", ["html_url"] = $"https://github.com/{login}",
        ["followers_url"] = $"{baseUrl}users/{login}/followers",
        ["following_url"] = $"{baseUrl}users/{login}/following{{/other_user}}",
        ["gists_url"] = $"{baseUrl}users/{login}/gists{{/gist_id}}",
        ["starred_url"] = $"{baseUrl}users/{login}/starred{{/owner}}{{/repo}}",
        ["subscriptions_url"] = $"{baseUrl}users/{login}/subscriptions",
        ["organizations_url"] = $"{baseUrl}users/{login}/orgs", ["repos_url"] = $"{baseUrl}users/{login}/repos",
        ["events_url"] = $"{baseUrl}users/{login}/events{{/privacy}}",
        ["received_events_url"] = $"{baseUrl}users/{login}/received_events",
        ["type"] = organization ? "Organization" : "User", ["user_view_type"] = "public", ["site_admin"] = false,
        ["name"] = login,
    };

    public static Dictionary<string, object?> Repository(string baseUrl, SimulatedRepository r, long ownerId) => new()
    {
        ["id"] = r.Id, ["node_id"] = $"R_{r.Id}", ["name"] = r.Name, ["full_name"] = r.FullName, ["private"] = r.Private,
        ["owner"] = User(baseUrl, r.Owner, r.OwnedByOrganization ? 5000 + r.Owner.Length : ownerId, r.OwnedByOrganization),
        ["html_url"] = r.HtmlUrl ?? $"https://github.com/{r.FullName}",
        ["description"] = r.Description, ["fork"] = r.Fork, ["url"] = $"{baseUrl}repos/{r.FullName}",
        ["created_at"] = Timestamp(r.CreatedAt), ["updated_at"] = Timestamp(r.PushedAt), ["pushed_at"] = Timestamp(r.PushedAt),
        ["size"] = r.SizeKb, ["stargazers_count"] = 0, ["watchers_count"] = 0, ["forks_count"] = 0, ["open_issues_count"] = 0,
        ["language"] = r.PrimaryLanguage, ["archived"] = r.Archived, ["disabled"] = false, ["visibility"] = r.Private ? "private" : "public",
        ["default_branch"] = r.DefaultBranch, ["has_issues"] = true, ["has_wiki"] = false,
    };

    public static Dictionary<string, object?> Commit(string baseUrl, SimulatedRepository r, SimulatedCommit c, string? parentSha, long accountId, string accountLogin)
    {
        var repositoryUrl = $"{baseUrl}repos/{r.FullName}";
        var tree = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes("tree" + c.Sha)));
        var author = c.AuthorLogin is null ? null : User(baseUrl, c.AuthorLogin, AccountId(c.AuthorLogin, accountId, accountLogin));
        return new()
        {
            ["sha"] = c.Sha, ["node_id"] = $"C_kwDO{c.Sha[..12]}",
            ["commit"] = new Dictionary<string, object?>
            {
                ["author"] = Signature(c.AuthorName, c.AuthorEmail, c.AuthoredAt),
                ["committer"] = Signature(c.AuthorName, c.AuthorEmail, c.CommittedAt),
                ["message"] = c.Message,
                ["tree"] = new Dictionary<string, object?> { ["sha"] = tree, ["url"] = $"{repositoryUrl}/git/trees/{tree}" },
                ["url"] = $"{repositoryUrl}/git/commits/{c.Sha}", ["comment_count"] = 0,
                ["verification"] = new Dictionary<string, object?>
                {
                    ["verified"] = false, ["reason"] = "unsigned", ["signature"] = null, ["payload"] = null, ["verified_at"] = null,
                },
            },
            ["url"] = $"{repositoryUrl}/commits/{c.Sha}", ["html_url"] = $"https://github.com/{r.FullName}/commit/{c.Sha}",
            ["comments_url"] = $"{repositoryUrl}/commits/{c.Sha}/comments",
            ["author"] = author, ["committer"] = author,
            ["parents"] = parentSha is null
                ? Array.Empty<object>()
                : [new Dictionary<string, object?>
                {
                    ["sha"] = parentSha, ["url"] = $"{repositoryUrl}/commits/{parentSha}",
                    ["html_url"] = $"https://github.com/{r.FullName}/commit/{parentSha}",
                }],
        };
    }

    public static Dictionary<string, object?> Error(string message, string documentation = "https://docs.github.com/rest") => new()
    {
        ["message"] = message, ["documentation_url"] = documentation,
    };

    private static long AccountId(string login, long accountId, string accountLogin) =>
        login.Equals(accountLogin, StringComparison.OrdinalIgnoreCase) ? accountId : 9000 + login.Length;

    private static Dictionary<string, object?> Signature(string name, string email, DateTime date) => new()
    {
        ["name"] = name, ["email"] = email, ["date"] = Timestamp(date),
    };

    public static string Timestamp(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
}
