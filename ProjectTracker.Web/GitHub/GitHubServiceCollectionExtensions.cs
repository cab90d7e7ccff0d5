using Hangfire;
using ProjectTracker.Domain.Configuration;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;
using ProjectTracker.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using ProjectTracker.Web.Api;
using ProjectTracker.Web.Components.Pages.GitHub;
using ProjectTracker.Web.Configuration;
using ProjectTracker.Web.Persistence;

namespace ProjectTracker.Web.GitHub;

public static class GitHubServiceCollectionExtensions
{
    public const string RecurringJobId = "github-refresh";

    public static WebApplicationBuilder AddGitHub(this WebApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddSingleton(options);
        var readModelAge = builder.Configuration.ReadModelMaxAge();
        builder.Services.AddSingleton(sp => new GitHubReadModel(
            sp.GetRequiredService<IDbContextFactory<TrackerDbContext>>(), sp.GetRequiredService<DataVersion>(),
            sp.GetRequiredService<TimeProvider>(), readModelAge));
        builder.Services.AddSingleton<GitHubReadService>();
        builder.Services.AddSerializedItems<Project, ProjectJson>(ProjectJson.From);
        builder.Services.AddSingleton(sp => new GitHubDashboardModel(
            sp.GetRequiredService<GitHubReadService>(), sp.GetRequiredService<Domain.GitHub.Timesheet.CodingDaysReader>(),
            sp.GetRequiredService<DataVersion>(), sp.GetRequiredService<TimeProvider>(), readModelAge));
        builder.Services.AddSingleton<GitHubProjectAdmin>();
        builder.Services.AddSingleton<IGitHubHttpCache, DatabaseGitHubHttpCache>();
        builder.Services.AddSingleton<GitHubRefreshService>();
        builder.Services.AddSingleton<GitHubRefreshJobs>();
        builder.Services.AddTransient<GitHubRefreshJobRunner>();
        builder.Services.AddTransient<GitHubScheduledRefresh>();
        return builder;
    }

    /// <summary>Resumes refreshes a restart interrupted and schedules the recurring refresh.</summary>
    public static async Task StartGitHubJobsAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<GitHubRefreshJobs>().ResumeUnfinishedAsync(app.Lifetime.ApplicationStopping);
        var options = app.Services.GetRequiredService<GitHubOptions>();
        try
        {
            app.Services.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdate<GitHubScheduledRefresh>(RecurringJobId, job => job.RunAsync(), options.RefreshSchedule);
        }
        catch (ArgumentException)
        {
            throw new SettingException("GitHub:RefreshSchedule", $"must be a cron expression such as '0 4 * * *'; got '{options.RefreshSchedule}'.");
        }
    }

    private static GitHubOptions ReadOptions(IConfiguration config)
    {
        var defaults = new GitHubOptions();
        var options = new GitHubOptions
        {
            ApiBaseUrl = config.ReadAbsoluteUrl("GitHub:ApiBaseUrl", defaults.ApiBaseUrl),
            AccessToken = config.Read("GitHub:AccessToken"),
            SessionGapMinutes = config.ReadInt("GitHub:SessionGapMinutes", defaults.SessionGapMinutes, 1, 24 * 60),
            SessionStartMinutes = config.ReadInt("GitHub:SessionStartMinutes", defaults.SessionStartMinutes, 0, 24 * 60),
            IncludeForks = config.ReadBool("GitHub:IncludeForks"),
            IncludeArchived = config.ReadBool("GitHub:IncludeArchived", defaults.IncludeArchived),
            Exclude = ReadList(config, "GitHub:Exclude"),
            Affiliation = ReadAffiliation(config),
            AuthorEmails = ReadList(config, "GitHub:AuthorEmails"),
            MaxParallelRepositories = config.ReadInt("GitHub:MaxParallelRepositories", defaults.MaxParallelRepositories, 1, 32),
            StatisticsRetryDelay = config.ReadTimeSpan("GitHub:StatisticsRetryDelay", defaults.StatisticsRetryDelay),
            StatisticsAttempts = config.ReadInt("GitHub:StatisticsAttempts", defaults.StatisticsAttempts, 1, 20),
            RetryDelay = config.ReadTimeSpan("GitHub:RetryDelay", defaults.RetryDelay),
            RequestAttempts = config.ReadInt("GitHub:RequestAttempts", defaults.RequestAttempts, 1, 10),
            RequestTimeout = config.ReadTimeout("GitHub:RequestTimeout", defaults.RequestTimeout),
            MaxRateLimitWait = config.ReadTimeSpan("GitHub:MaxRateLimitWait", defaults.MaxRateLimitWait),
            RefreshSchedule = config.Read("GitHub:RefreshSchedule") ?? defaults.RefreshSchedule,
        };

        return options;
    }

    /// <summary>A list as a configuration array (<c>GitHub:Exclude:0</c>, …) or one comma-separated value.</summary>
    private static string[] ReadList(IConfiguration config, string key) =>
        config.GetSection(key).Get<string[]>()
        ?? (config.Read(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string ReadAffiliation(IConfiguration config)
    {
        var values = ReadList(config, "GitHub:Affiliation").Select(v => v.ToLowerInvariant()).Distinct().ToArray();
        if (values.Length == 0)
        {
            return GitHubOptions.DefaultAffiliation;
        }

        if (values.FirstOrDefault(v => !GitHubOptions.AffiliationValues.Contains(v)) is { } bad)
        {
            throw new SettingException("GitHub:Affiliation",
                $"must be a comma-separated list of {string.Join(", ", GitHubOptions.AffiliationValues)}; got '{bad}'.");
        }

        return string.Join(',', values);
    }
}
