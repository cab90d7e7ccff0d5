using Hangfire;
using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Web.GitHub;

/// <summary>The recurring refresh: starts (or joins) a job like the refresh button does; nothing without a token.</summary>
public sealed class GitHubScheduledRefresh(GitHubRefreshJobs jobs, GitHubOptions options)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync()
    {
        if (options.IsConfigured)
        {
            await jobs.StartAsync(GitHubRefreshJobs.ScheduledTrigger, CancellationToken.None);
        }
    }
}
