using Hangfire;
using ProjectTracker.Domain.GitHub.Sync;

namespace ProjectTracker.Web.GitHub;

/// <summary>The Hangfire job: takes the job's id, not the entity; safe to run again (it resumes).</summary>
public sealed class GitHubRefreshJobRunner(GitHubRefreshService refresh)
{
    // The service ends the row failed with a message itself; Hangfire's retries would only repeat a failure.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(string jobId, CancellationToken cancellationToken) => refresh.RunAsync(jobId, cancellationToken);
}
