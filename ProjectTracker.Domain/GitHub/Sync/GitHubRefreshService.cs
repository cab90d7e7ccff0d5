using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Octokit;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// Runs one refresh job: lists the owner's repositories, refreshes those whose <c>pushed_at</c> moved (a few at a time),
/// writes progress to <c>refresh_job</c> as it goes, and ends the job completed or failed with a message a person can act
/// on. Each repository is saved in its own transaction, so a failure keeps the projects already refreshed.
/// </summary>
public sealed class GitHubRefreshService(
    IDbContextFactory<TrackerDbContext> contexts,
    IGitHubHttpCache cache,
    GitHubOptions options,
    TimeProvider time,
    IRefreshProgressNotifier notifier,
    ILogger<GitHubRefreshService> logger)
{
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var progress = new JobProgress(contexts, jobId, time, notifier);
        if (!await progress.StartAsync(cancellationToken))
        {
            return; // unknown or already finished: a repeated delivery of the same job
        }

        try
        {
            if (!options.IsConfigured)
            {
                throw new GitHubSyncException("No GitHub token is configured. Set GITHUB_ACCESS_TOKEN (a personal access token with read access to your repositories) and restart.");
            }

            using var api = new GitHubApi(options, cache, time, progress.ReportStatusAsync);
            var user = await api.GetCurrentUserAsync(cancellationToken);
            var repositories = (await api.ListOwnedRepositoriesAsync(cancellationToken)).Where(Included).ToList();
            await RemoveVanishedProjectsAsync(repositories, cancellationToken);
            await progress.SetTotalAsync(repositories.Count, cancellationToken);

            var refresher = new RepositoryRefresher(contexts, api, options, time, user.Login);
            await Parallel.ForEachAsync(
                repositories,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelRepositories), CancellationToken = cancellationToken },
                async (repository, ct) =>
                {
                    await refresher.RefreshAsync(repository, ct);
                    await progress.AdvanceAsync(ct);
                });

            await progress.CompleteAsync(cancellationToken);
            logger.LogInformation("GitHub refresh {JobId} completed: {Count} repositories", jobId, repositories.Count);
        }
        catch (GitHubSyncException e)
        {
            logger.LogWarning("GitHub refresh {JobId} failed: {Message}", jobId, e.Message);
            await progress.FailAsync(e.Message, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // shutting down: the job stays running and start-up resumes it
        }
        catch (Exception e)
        {
            logger.LogError(e, "GitHub refresh {JobId} failed unexpectedly", jobId);
            await progress.FailAsync($"The refresh stopped on an unexpected error ({e.GetType().Name}). The projects refreshed so far are kept; see the server log and try again.", CancellationToken.None);
        }
    }

    private bool Included(Repository repository) =>
        (options.IncludeForks || !repository.Fork)
        && (options.IncludeArchived || !repository.Archived)
        && !options.Exclude.Contains(repository.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Projects whose repository is gone (deleted, now a fork, archived or excluded) leave the dashboard.</summary>
    private async Task RemoveVanishedProjectsAsync(IReadOnlyList<Repository> repositories, CancellationToken cancellationToken)
    {
        var ids = repositories.Select(r => r.Id).ToHashSet();
        var names = repositories.Select(r => r.Name.ToLowerInvariant()).ToHashSet();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var vanished = (await db.Projects.ToListAsync(cancellationToken))
            .Where(p => p.GitHubId is { } id ? !ids.Contains(id) : !names.Contains(p.Name.ToLowerInvariant()))
            .ToList();
        db.Projects.RemoveRange(vanished);
        await db.SaveChangesAsync(cancellationToken);
    }
}
