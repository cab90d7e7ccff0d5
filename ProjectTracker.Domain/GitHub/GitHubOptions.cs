namespace ProjectTracker.Domain.GitHub;

/// <summary>Settings of section <c>GitHub</c>; the token also comes from the old <c>GITHUB_ACCESS_TOKEN</c>.</summary>
public sealed class GitHubOptions
{
    public const string Section = "GitHub";

    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com/");
    public string? AccessToken { get; set; }
    public int SessionGapMinutes { get; set; } = 120;
    public int SessionStartMinutes { get; set; } = 120;
    public bool IncludeForks { get; set; }
    public bool IncludeArchived { get; set; }
    public string[] Exclude { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccessToken);
}
