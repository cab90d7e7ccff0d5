using Microsoft.EntityFrameworkCore;
using Octokit;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>Refreshes one repository's project row, its commits and its daily activity, in one transaction.</summary>
internal sealed class RepositoryRefresher(
    IDbContextFactory<TrackerDbContext> contexts, GitHubApi api, GitHubOptions options, TimeProvider time, string ownerLogin)
{
    // Commits arrive by committer date; a day of overlap catches rebased or late-pushed commits (deduplicated by sha).
    private static readonly TimeSpan SinceOverlap = TimeSpan.FromDays(1);

    public async Task RefreshAsync(Repository repository, CancellationToken ct)
    {
        var pushedAt = repository.PushedAt?.UtcDateTime;
        var (projectId, syncedPushedAt, lastCommittedAt) = await FindProjectAsync(repository, ct);
        if (projectId is not null && pushedAt is not null && syncedPushedAt == pushedAt)
        {
            return; // nothing pushed since the last refresh: no request at all
        }

        var since = lastCommittedAt is { } last ? new DateTimeOffset(last - SinceOverlap, TimeSpan.Zero) : (DateTimeOffset?)null;
        // The three reads are independent: asked together, a repository costs one round trip of latency, not three.
        var commitsTask = api.ListCommitsAsync(repository, ownerLogin, since, ct);
        var languagesTask = api.GetLanguagesAsync(repository, ct);
        var statisticsTask = api.GetCodeFrequencyAsync(repository, ct);
        await Task.WhenAll(commitsTask, languagesTask, statisticsTask);
        var (commits, languages, statistics) = (await commitsTask, await languagesTask, await statisticsTask);

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var project = projectId is { } id
            ? await db.Projects.SingleAsync(p => p.Id == id, ct)
            : db.Projects.Add(new Project { Name = repository.Name }).Entity;
        if (projectId is null)
        {
            await db.SaveChangesAsync(ct); // the id, for the commits below
        }

        var known = await db.ProjectCommits.Where(c => c.ProjectId == project.Id).Select(c => c.Sha).ToListAsync(ct);
        var knownShas = known.ToHashSet(StringComparer.Ordinal);
        foreach (var commit in commits.Where(c => IsOwners(c) && knownShas.Add(c.Sha)))
        {
            db.ProjectCommits.Add(new ProjectCommit
            {
                ProjectId = project.Id,
                Sha = commit.Sha,
                AuthoredAt = commit.Commit.Author.Date.UtcDateTime,
                CommittedAt = commit.Commit.Committer.Date.UtcDateTime,
            });
        }

        await db.SaveChangesAsync(ct);
        var times = await db.ProjectCommits.Where(c => c.ProjectId == project.Id).Select(c => c.AuthoredAt).ToListAsync(ct);
        Apply(project, repository, times, languages, statistics);
        await ReplaceDailyCommitsAsync(db, project.Id, times, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<(int? Id, DateTime? SyncedPushedAt, DateTime? LastCommittedAt)> FindProjectAsync(Repository repository, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lowered = repository.Name.ToLowerInvariant();
        var project = await db.Projects.AsNoTracking()
            .Where(p => p.GitHubId == repository.Id || (p.GitHubId == null && p.Name.ToLower() == lowered))
            .OrderBy(p => p.GitHubId == null)
            .Select(p => new { p.Id, p.SyncedPushedAt })
            .FirstOrDefaultAsync(ct);
        if (project is null)
        {
            return (null, null, null);
        }

        var last = await db.ProjectCommits.Where(c => c.ProjectId == project.Id).MaxAsync(c => (DateTime?)c.CommittedAt, ct);
        return (project.Id, project.SyncedPushedAt, last);
    }

    private bool IsOwners(GitHubCommit commit) =>
        string.Equals(commit.Author?.Login, ownerLogin, StringComparison.OrdinalIgnoreCase);

    private void Apply(
        Project project, Repository repository, IReadOnlyList<DateTime> commitTimes,
        IReadOnlyDictionary<string, long> languages, CodeFrequency statistics)
    {
        project.Name = repository.Name;
        project.GitHubId = repository.Id;
        project.DefaultBranch = repository.DefaultBranch;
        project.HtmlUrl = repository.HtmlUrl;
        project.Description = repository.Description;
        project.PushedAt = repository.PushedAt?.UtcDateTime;
        project.RepositorySizeKb = repository.Size;
        project.PrimaryLanguage = RepositoryStatistics.PrimaryLanguage(languages) ?? repository.Language;
        project.CommitCount = commitTimes.Count;
        project.FirstCommitDate = commitTimes.Count > 0 ? commitTimes.Min() : null;
        project.LastCommitDate = commitTimes.Count > 0 ? commitTimes.Max() : null;
        project.ActiveDays = RepositoryStatistics.ActiveDays(commitTimes);
        project.TimeSpentMin = RepositoryStatistics.TimeSpentMinutes(
            commitTimes, TimeSpan.FromMinutes(options.SessionGapMinutes), TimeSpan.FromMinutes(options.SessionStartMinutes));

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

        project.RefreshedAt = time.GetUtcNow().UtcDateTime;

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
