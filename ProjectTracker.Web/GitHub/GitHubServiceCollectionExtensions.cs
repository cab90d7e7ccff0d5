using ProjectTracker.Domain.GitHub;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.GitHub;

public static class GitHubServiceCollectionExtensions
{
    public static WebApplicationBuilder AddGitHub(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var defaults = new GitHubOptions();
        var options = new GitHubOptions
        {
            ApiBaseUrl = config.ReadAbsoluteUrl("GitHub:ApiBaseUrl", defaults.ApiBaseUrl),
            AccessToken = config.Read("GitHub:AccessToken", "GITHUB_ACCESS_TOKEN"),
            SessionGapMinutes = config.ReadInt("GitHub:SessionGapMinutes", defaults.SessionGapMinutes, 1, 24 * 60),
            SessionStartMinutes = config.ReadInt("GitHub:SessionStartMinutes", defaults.SessionStartMinutes, 0, 24 * 60),
            IncludeForks = config.ReadBool("GitHub:IncludeForks"),
            IncludeArchived = config.ReadBool("GitHub:IncludeArchived"),
            Exclude = config.GetSection("GitHub:Exclude").Get<string[]>()
                ?? (config.Read("GitHub:Exclude") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<GitHubReadService>();
        return builder;
    }
}
