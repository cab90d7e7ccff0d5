using Hangfire;
using ProjectTracker.Domain.Configuration;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;
using ProjectTracker.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using ProjectTracker.Web.Api;
using ProjectTracker.Web.GitHub.Components;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.GitHub;

public static class GitHubServiceCollectionExtensions
{
    public const string RecurringJobId = "github-refresh";

    public static WebApplicationBuilder AddGitHub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<GitHubOptions>(GitHubOptions.Section);
        builder.Services.AddSingleton(sp => new GitHubReadModel(
            sp.GetRequiredService<IDbContextFactory<TrackerDbContext>>(), sp.GetRequiredService<GitHubOptions>(), sp.GetRequiredService<Domain.Time.OwnerDays>(), sp.GetRequiredService<DataVersion>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ReadModelOptions>().MaxAge, sp.GetService<IDataChanges>()));
        builder.Services.AddSingleton<GitHubReadService>();
        builder.Services.AddSerializedItems<Project, ProjectJson>(ProjectJson.From);
        builder.Services.AddSingleton<GitHubDashboardReader>();
        builder.Services.AddSingleton<GitHubProjectAdmin>();
        builder.Services.AddSingleton<IGitHubHttpCache, DatabaseGitHubHttpCache>();
        builder.Services.AddSingleton<GitHubRefreshService>();
        builder.Services.AddSingleton<GitHubRefreshJobs>();
        builder.Services.AddTransient<GitHubRefreshJobRunner>();
        builder.Services.AddTransient<GitHubScheduledRefresh>();
        // Progress of refreshes for open pages. The watcher is a hosted service: registered after AddJobs' Hangfire server,
        // as before, so it starts after it.
        builder.Services.AddSingleton<RefreshProgressHub>();
        builder.Services.AddSingleton<IRefreshProgressNotifier>(sp => sp.GetRequiredService<RefreshProgressHub>());
        builder.Services.AddHostedService<RefreshJobWatcher>();
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
}
