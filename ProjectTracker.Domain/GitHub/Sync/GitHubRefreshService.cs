using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Octokit;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// Runs one refresh job: lists the repositories the account is affiliated with, marks projects whose repository is no
/// longer there (never deletes them), refreshes those whose <c>pushed_at</c> moved (a few at a time; a project page's
/// refresh only its own repository, <see cref="RefreshJob.RepositoryId"/>), writes progress to
/// <c>refresh_job</c> as it goes, and ends the job completed — with a warning for each repository GitHub refused (403,
/// 404, 409, 451), whose project keeps its last good figures — or failed with a message a person can act on (a bad
/// token, a spent rate limit). Each repository is saved in its own transaction, so a failure keeps the projects done.
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
        var started = time.GetTimestamp();
        var progress = new JobProgress(contexts, jobId, time, notifier);
        if (!await progress.StartAsync(cancellationToken))
        {
            return; // unknown or already finished: a repeated delivery of the same job
        }

        try
        {
            await RefreshAsync(jobId, started, progress, cancellationToken);
        }
        catch (GitHubSyncException e)
        {
            logger.LogWarning("GitHub refresh {JobId} failed: {Message}", jobId, e.Message);
            try
            {
                // The repositories done before the failure are kept: their time is shared before the job says it ended.
                await ProjectTimeSpent.RecomputeAsync(contexts, options, CancellationToken.None);
            }
            finally
            {
                await progress.FailAsync(e.Message, CancellationToken.None);
            }
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

    /// <summary>The job's work from the token check to its completion; a failure is left to <see cref="RunAsync"/>.</summary>
    private async Task RefreshAsync(string jobId, long started, JobProgress progress, CancellationToken cancellationToken)
    {
        if (!options.IsConfigured)
        {
            throw new GitHubSyncException("No GitHub token is configured. Set GITHUB_ACCESS_TOKEN (a personal access token with read access to your repositories) and restart.");
        }

        var only = progress.RepositoryId;
        using var api = new GitHubApi(options, cache, time, progress.ReportStatusAsync);
        var user = await api.GetCurrentUserAsync(cancellationToken);
        var owner = new AuthorIdentity(user.Login, await api.ListVerifiedEmailsAsync(cancellationToken), options.AuthorEmails);
        var repositories = await ListRepositoriesAsync(api, only, cancellationToken);
        var names = await AssignNamesAsync(repositories, user.Login, cancellationToken);
        await progress.SetTotalAsync(repositories.Count, cancellationToken);

        var refresher = new RepositoryRefresher(contexts, api, options, time, owner, logger);
        var (warnings, pendingStatistics) = await RefreshEachAsync(repositories, names, refresher, progress, cancellationToken);
        await CompleteStatisticsAsync(refresher, pendingStatistics, cancellationToken);

        await ProjectTimeSpent.RecomputeAsync(contexts, options, cancellationToken);
        if (only is null)
        {
            await cache.PruneAsync(KeepCacheEntry(api.UsedCacheKeys, repositories), cancellationToken); // the others' entries stay otherwise
        }

        var sorted = warnings.OrderBy(w => w.Repository, StringComparer.OrdinalIgnoreCase).ToList();
        await progress.CompleteAsync(sorted, cancellationToken);
        var (answered, notModified) = api.RequestCounts;
        logger.LogInformation(
            "GitHub refresh {JobId} completed in {Seconds:0.0} s: {Count} repositories, {Warnings} could not be read; {Requests} requests, {NotModified} of them 304 (unchanged)",
            jobId, time.GetElapsedTime(started).TotalSeconds, repositories.Count, sorted.Count, answered, notModified);
    }

    /// <summary>The repositories this job refreshes (all included ones, or only the job's own); a full listing also marks the vanished.</summary>
    private async Task<List<Repository>> ListRepositoriesAsync(GitHubApi api, long? only, CancellationToken cancellationToken)
    {
        var listed = await api.ListRepositoriesAsync(options.AffiliationParameter, cancellationToken);
        var repositories = listed.Where(r => GitHubRepositoryFilter.Included(options, r) && (only is null || r.Id == only)).ToList();
        if (only is null)
        {
            // Only a full listing can tell that a repository is gone.
            await new VanishedProjects(contexts, api, options, time).MarkAsync(repositories, listed, cancellationToken);
        }

        return repositories;
    }

    /// <summary>
    /// Refreshes the repositories a few at a time, advancing the job after each. A repository GitHub refuses becomes a
    /// warning (its project marked failed) instead of failing the job; statistics GitHub was still computing are returned.
    /// </summary>
    private async Task<(ConcurrentBag<RefreshWarning> Warnings, ConcurrentBag<(int ProjectId, Repository Repository)> PendingStatistics)> RefreshEachAsync(
        List<Repository> repositories, Dictionary<long, string> names, RepositoryRefresher refresher, JobProgress progress, CancellationToken cancellationToken)
    {
        var warnings = new ConcurrentBag<RefreshWarning>();
        var pendingStatistics = new ConcurrentBag<(int ProjectId, Repository Repository)>();
        await Parallel.ForEachAsync(
            repositories,
            FewAtATime(cancellationToken),
            async (repository, ct) =>
            {
                try
                {
                    var outcome = await refresher.RefreshAsync(repository, names[repository.Id], ct);
                    if (outcome.PendingStatisticsProjectId is { } projectId)
                    {
                        pendingStatistics.Add((projectId, repository));
                    }
                }
                catch (GitHubSyncException e) when (e.IsRepositoryRefusal)
                {
                    warnings.Add(new RefreshWarning(repository.FullName, e.StatusCode!.Value, e.Message));
                    await MarkFailedAsync(repository, e, ct);
                }

                await progress.AdvanceAsync(ct);
            });
        return (warnings, pendingStatistics);
    }

    // Statistics GitHub was still computing: asked again now, with back-off, instead of holding a worker.
    private async Task CompleteStatisticsAsync(
        RepositoryRefresher refresher, IEnumerable<(int ProjectId, Repository Repository)> pendingStatistics, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(
            pendingStatistics,
            FewAtATime(cancellationToken),
            async (pending, ct) => await refresher.CompleteStatisticsAsync(pending.ProjectId, pending.Repository, ct));

    private ParallelOptions FewAtATime(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelRepositories), CancellationToken = cancellationToken };

    private async Task<Dictionary<long, string>> AssignNamesAsync(IReadOnlyList<Repository> repositories, string login, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.Projects.AsNoTracking()
            .Select(p => new ProjectNames.StoredName(p.Name, p.GitHubId, p.FullName))
            .ToListAsync(ct);
        return ProjectNames.Assign(repositories, stored, login);
    }

    /// <summary>The project (if there is one yet) keeps its figures and says why it could not be refreshed.</summary>
    private async Task MarkFailedAsync(Repository repository, GitHubSyncException e, CancellationToken ct)
    {
        logger.LogWarning("GitHub refused {Repository} ({Status}); the other repositories go on: {Message}", repository.FullName, e.StatusCode, e.Message);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Projects.Where(p => p.GitHubId == repository.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.FailedAt, time.GetUtcNow().UtcDateTime)
                .SetProperty(p => p.FailureReason, e.Message.Length > 500 ? e.Message[..500] : e.Message), ct);
    }

    /// <summary>
    /// What the conditional-request cache keeps: what this refresh asked for, and the listed repositories' languages and
    /// statistics (asked again when they change). Commit pages and comparisons from older versions, and gone repositories, go.
    /// </summary>
    private static Func<string, bool> KeepCacheEntry(IReadOnlyCollection<string> used, IReadOnlyList<Repository> repositories)
    {
        var usedKeys = used.ToHashSet(StringComparer.Ordinal);
        var prefixes = repositories.Select(r => $"/repos/{Uri.EscapeDataString(r.Owner.Login)}/{Uri.EscapeDataString(r.Name)}/").ToList();
        return url => usedKeys.Contains(url)
                      || ((url.Contains("/languages", StringComparison.Ordinal) || url.Contains("/stats/", StringComparison.Ordinal))
                          && prefixes.Any(p => url.Contains(p, StringComparison.OrdinalIgnoreCase)));
    }
}
