namespace ProjectTracker.Simulators.GitHub;

/// <summary>GitHub's JSON shapes (snake_case), the fields Octokit reads and a few more.</summary>
internal static class GitHubJson
{
    public static Dictionary<string, object?> User(string baseUrl, string login, long id) => new()
    {
        ["login"] = login, ["id"] = id, ["node_id"] = $"U_{id}", ["type"] = "User", ["site_admin"] = false,
        ["html_url"] = $"https://github.com/{login}", ["url"] = $"{baseUrl}users/{login}", ["name"] = login,
    };

    public static Dictionary<string, object?> Repository(string baseUrl, SimulatedRepository r, long ownerId) => new()
    {
        ["id"] = r.Id, ["node_id"] = $"R_{r.Id}", ["name"] = r.Name, ["full_name"] = $"{r.Owner}/{r.Name}", ["private"] = false,
        ["owner"] = User(baseUrl, r.Owner, ownerId), ["html_url"] = $"https://github.com/{r.Owner}/{r.Name}",
        ["description"] = r.Description, ["fork"] = r.Fork, ["url"] = $"{baseUrl}repos/{r.Owner}/{r.Name}",
        ["created_at"] = Timestamp(r.CreatedAt), ["updated_at"] = Timestamp(r.PushedAt), ["pushed_at"] = Timestamp(r.PushedAt),
        ["size"] = r.SizeKb, ["stargazers_count"] = 0, ["watchers_count"] = 0, ["forks_count"] = 0, ["open_issues_count"] = 0,
        ["language"] = r.PrimaryLanguage, ["archived"] = r.Archived, ["disabled"] = false, ["visibility"] = "public",
        ["default_branch"] = r.DefaultBranch, ["has_issues"] = true, ["has_wiki"] = false,
    };

    public static Dictionary<string, object?> Commit(string baseUrl, SimulatedRepository r, SimulatedCommit c, long userId) => new()
    {
        ["sha"] = c.Sha, ["node_id"] = $"C_{c.Sha[..8]}", ["url"] = $"{baseUrl}repos/{r.Owner}/{r.Name}/commits/{c.Sha}",
        ["html_url"] = $"https://github.com/{r.Owner}/{r.Name}/commit/{c.Sha}",
        ["commit"] = new Dictionary<string, object?>
        {
            ["author"] = Signature(c.AuthorLogin, c.AuthoredAt), ["committer"] = Signature(c.AuthorLogin, c.CommittedAt),
            ["message"] = c.Message, ["comment_count"] = 0,
        },
        ["author"] = c.AuthorLogin is null ? null : User(baseUrl, c.AuthorLogin, c.AuthorLogin == r.Owner ? userId : 9000 + c.AuthorLogin.Length),
        ["committer"] = c.AuthorLogin is null ? null : User(baseUrl, c.AuthorLogin, c.AuthorLogin == r.Owner ? userId : 9000 + c.AuthorLogin.Length),
        ["parents"] = Array.Empty<object>(),
    };

    public static Dictionary<string, object?> Error(string message) => new()
    {
        ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest",
    };

    private static Dictionary<string, object?> Signature(string? login, DateTime date) => new()
    {
        ["name"] = login ?? "Unknown", ["email"] = $"{login ?? "unknown"}@users.noreply.github.com", ["date"] = Timestamp(date),
    };

    public static string Timestamp(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
}
