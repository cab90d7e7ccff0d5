using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Octokit;
using ProjectTracker.Domain.Net;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// Refreshes one repository's project row, its commits and its daily activity, in one transaction. The commits are read
/// incrementally with GitHub's compare from the stored head (exact under merges of old-dated commits, a few requests
/// whatever the history's length), and listed in full only the first time or after a force-push dropped stored commits.
/// </summary>
internal sealed class RepositoryRefresher(
    IDbContextFactory<TrackerDbContext> contexts, GitHubApi api, GitHubOptions options, TimeProvider time, AuthorIdentity owner, ILogger logger)
{
    public async Task<RefreshOutcome> RefreshAsync(Repository repository, string projectName, CancellationToken ct)
    {
        var pushedAt = repository.PushedAt?.UtcDateTime;
        var stored = await FindProjectAsync(repository, projectName, ct);
        if (stored is { FailedAt: null } && pushedAt is not null && stored.SyncedPushedAt == pushedAt)
        {
            await UpdateListingFieldsAsync(stored.Id, repository, projectName, ct);
            return RefreshOutcome.Unchanged; // nothing pushed since the last refresh: no request at all
        }

        if (stored is null && await WithoutCommitsSinceAsync(repository, pushedAt, ct))
        {
            return RefreshOutcome.NotAProject;
        }

        var commits = await ReadCommitsAsync(repository, stored?.HeadSha, ct);
        if (stored is null && commits.Owners.Count == 0)
        {
            await RememberWithoutCommitsAsync(repository, pushedAt, ct);
            return RefreshOutcome.NotAProject;
        }

        // Asked together: a repository costs one round trip of latency, not two. Statistics still being computed (202)
        // are asked again at the end of the job, not waited for here.
        var languagesTask = api.GetLanguagesAsync(repository, ct);
        var statisticsTask = api.GetCodeFrequencyAsync(repository, attempts: 1, TimeSpan.Zero, ct);
        await Task.WhenAll(languagesTask, statisticsTask);
        var (languages, statistics) = (await languagesTask, await statisticsTask);

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var project = stored is not null
            ? await db.Projects.SingleAsync(p => p.Id == stored.Id, ct)
            : db.Projects.Add(new Project { Name = projectName }).Entity;
        if (stored is null)
        {
            await db.SaveChangesAsync(ct); // the id, for the commits below
        }

        await StoreCommitsAsync(db, project.Id, commits, ct);
        var times = await db.ProjectCommits.Where(c => c.ProjectId == project.Id).Select(c => c.AuthoredAt).ToListAsync(ct);
        ApplyListing(project, repository, projectName);
        ApplyCommits(project, times);
        ApplyStatistics(project, repository, languages, statistics);
        project.HeadSha = commits.HeadSha;
        project.RefreshedAt = time.GetUtcNow().UtcDateTime;
        (project.FailedAt, project.FailureReason) = (null, null);
        await ReplaceDailyCommitsAsync(db, project.Id, times, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return statistics.StillComputing ? RefreshOutcome.StatisticsPending(project.Id) : RefreshOutcome.Refreshed;
    }

    /// <summary>Statistics GitHub was still computing during the job, asked again with back-off once the workers are done.</summary>
    public async Task CompleteStatisticsAsync(int projectId, Repository repository, CancellationToken ct)
    {
        var statistics = await api.GetCodeFrequencyAsync(repository, options.StatisticsAttempts, options.StatisticsRetryDelay, ct);
        if (statistics.StillComputing)
        {
            return; // the repository stays marked changed: the next refresh asks again
        }

        var languages = await api.GetLanguagesAsync(repository, ct); // a 304 from the cache: free
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = await db.Projects.SingleAsync(p => p.Id == projectId, ct);
        ApplyStatistics(project, repository, languages, statistics);
        await db.SaveChangesAsync(ct);
    }

    private sealed record StoredProject(int Id, DateTime? SyncedPushedAt, string? HeadSha, DateTime? FailedAt);

    private async Task<StoredProject?> FindProjectAsync(Repository repository, string projectName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lowered = projectName.ToLowerInvariant();
        return await db.Projects.AsNoTracking()
            .Where(p => p.GitHubId == repository.Id || (p.GitHubId == null && p.Name.ToLower() == lowered))
            .OrderBy(p => p.GitHubId == null)
            .Select(p => new StoredProject(p.Id, p.SyncedPushedAt, p.HeadSha, p.FailedAt))
            .FirstOrDefaultAsync(ct);
    }

    private sealed record CommitRead(string? HeadSha, IReadOnlyList<GitHubCommit> Owners, bool Rebuilt);

    private async Task<CommitRead> ReadCommitsAsync(Repository repository, string? storedHead, CancellationToken ct)
    {
        if (storedHead is not null && await api.CompareAsync(repository, storedHead, ct) is { IsFastForward: true } comparison)
        {
            var head = comparison.Commits.Count > 0 ? comparison.Commits[^1].Sha : storedHead;
            return new CommitRead(head, comparison.Commits.Where(owner.Authored).ToList(), Rebuilt: false);
        }

        // First time, or a force-push dropped the stored head: list the whole history from the current head.
        var headSha = await api.GetHeadShaAsync(repository, ct);
        if (headSha is null)
        {
            return new CommitRead(null, [], Rebuilt: true);
        }

        var commits = new Dictionary<string, GitHubCommit>(StringComparer.Ordinal);
        foreach (var author in owner.ListingAuthors)
        {
            foreach (var commit in await api.ListCommitsAsync(repository, headSha, author, ct))
            {
                if (owner.Authored(commit))
                {
                    commits.TryAdd(commit.Sha, commit);
                }
            }
        }

        return new CommitRead(headSha, commits.Values.ToList(), Rebuilt: true);
    }

    private static async Task StoreCommitsAsync(TrackerDbContext db, int projectId, CommitRead read, CancellationToken ct)
    {
        var known = await db.ProjectCommits.Where(c => c.ProjectId == projectId).Select(c => new { c.Id, c.Sha }).ToListAsync(ct);
        if (read.Rebuilt)
        {
            // The history as it is now: commits a force-push dropped go, none is counted twice.
            var current = read.Owners.Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);
            var dropped = known.Where(k => !current.Contains(k.Sha)).Select(k => k.Id).ToList();
            if (dropped.Count > 0)
            {
                await db.ProjectCommits.Where(c => dropped.Contains(c.Id)).ExecuteDeleteAsync(ct);
            }
        }

        var knownShas = known.Select(k => k.Sha).ToHashSet(StringComparer.Ordinal);
        foreach (var commit in read.Owners.Where(c => knownShas.Add(c.Sha)))
        {
            db.ProjectCommits.Add(new ProjectCommit
            {
                ProjectId = projectId,
                Sha = commit.Sha,
                AuthoredAt = commit.Commit.Author.Date.UtcDateTime,
                CommittedAt = commit.Commit.Committer.Date.UtcDateTime,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Name, archived flag, description: they change without a push, and cost no request to keep current.</summary>
    private async Task UpdateListingFieldsAsync(int projectId, Repository repository, string projectName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = await db.Projects.SingleAsync(p => p.Id == projectId, ct);
        ApplyListing(project, repository, projectName);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<bool> WithoutCommitsSinceAsync(Repository repository, DateTime? pushedAt, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var known = await db.GitHubRepositoriesWithoutCommits.AsNoTracking().FirstOrDefaultAsync(r => r.GitHubId == repository.Id, ct);
        return known is not null && pushedAt is not null && known.PushedAt == pushedAt;
    }

    private async Task RememberWithoutCommitsAsync(Repository repository, DateTime? pushedAt, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var known = await db.GitHubRepositoriesWithoutCommits.FirstOrDefaultAsync(r => r.GitHubId == repository.Id, ct);
        if (known is null)
        {
            db.GitHubRepositoriesWithoutCommits.Add(new GitHubRepositoryWithoutCommits { GitHubId = repository.Id, FullName = repository.FullName, PushedAt = pushedAt });
        }
        else
        {
            (known.FullName, known.PushedAt) = (repository.FullName, pushedAt);
        }

        await db.SaveChangesAsync(ct);
    }

    private void ApplyListing(Project project, Repository repository, string projectName)
    {
        var htmlUrl = ExternalUrl.Safe(repository.HtmlUrl);
        // Said once: when the project is new, or when an address that was fine turns into one that is not.
        if (htmlUrl is null && repository.HtmlUrl is not null && (project.RefreshedAt is null || project.HtmlUrl is not null))
        {
            logger.LogWarning("GitHub gave repository {Repository} an html_url that is not an http(s) address; it is stored as none.", repository.FullName);
        }

        project.Name = projectName;
        project.GitHubId = repository.Id;
        project.FullName = repository.FullName;
        project.OwnerLogin = repository.Owner.Login;
        project.Archived = repository.Archived;
        project.DefaultBranch = repository.DefaultBranch;
        project.HtmlUrl = htmlUrl;
        project.Description = repository.Description;
        project.RepositorySizeKb = repository.Size;
        (project.GoneAt, project.GoneReason) = (null, null);
    }

    private static void ApplyCommits(Project project, IReadOnlyList<DateTime> commitTimes)
    {
        project.CommitCount = commitTimes.Count;
        project.FirstCommitDate = commitTimes.Count > 0 ? commitTimes.Min() : null;
        project.LastCommitDate = commitTimes.Count > 0 ? commitTimes.Max() : null;
        project.ActiveDays = RepositoryStatistics.ActiveDays(commitTimes);
        // TimeSpentMin is a share of the time over all projects' commits: the job computes every project's at its end.
    }

    private static void ApplyStatistics(Project project, Repository repository, IReadOnlyDictionary<string, long> languages, CodeFrequency statistics)
    {
        project.PushedAt = repository.PushedAt?.UtcDateTime;
        project.PrimaryLanguage = RepositoryStatistics.PrimaryLanguage(languages) ?? repository.Language;
        if (statistics.Weeks is { } weeks)
        {
            var (loc, churn) = RepositoryStatistics.LinesOfCode(weeks);
            project.Loc = (int)Math.Min(loc, int.MaxValue);
            project.CodeChurn = (int)Math.Min(churn, int.MaxValue);
            project.LocEstimated = false;
        }
        else if (!statistics.StillComputing || project.Loc is null || project.LocEstimated)
        {
            // Keep measured figures while GitHub is still computing new ones; otherwise estimate and say so.
            project.Loc = (int)Math.Min(RepositoryStatistics.EstimatedLoc(languages, repository.Size), int.MaxValue);
            project.CodeChurn = null;
            project.LocEstimated = true;
        }

        // Statistics still being computed: leave the repository marked changed, so the next refresh asks again.
        if (!statistics.StillComputing)
        {
            project.SyncedPushedAt = repository.PushedAt?.UtcDateTime;
        }
    }

    private static async Task ReplaceDailyCommitsAsync(TrackerDbContext db, int projectId, IReadOnlyList<DateTime> commitTimes, CancellationToken ct)
    {
        await db.ProjectDailyCommits.Where(d => d.ProjectId == projectId).ExecuteDeleteAsync(ct);
        db.ProjectDailyCommits.AddRange(commitTimes
            .GroupBy(t => t.Date)
            .Select(g => new ProjectDailyCommits { ProjectId = projectId, Day = DateTime.SpecifyKind(g.Key, DateTimeKind.Utc), Commits = g.Count() }));
    }
}

/// <summary>What refreshing one repository came to.</summary>
internal sealed record RefreshOutcome(string Kind, int? PendingStatisticsProjectId = null)
{
    public static readonly RefreshOutcome Unchanged = new("unchanged");
    public static readonly RefreshOutcome Refreshed = new("refreshed");
    public static readonly RefreshOutcome NotAProject = new("not a project");

    public static RefreshOutcome StatisticsPending(int projectId) => new("statistics pending", projectId);
}
