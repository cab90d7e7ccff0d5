using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub;

/// <summary>
/// Reads stored projects and refresh jobs for the dashboards and the API; the project list and metrics come from the
/// shared <see cref="GitHubReadModel"/>.
/// </summary>
public sealed class GitHubReadService(IDbContextFactory<TrackerDbContext> contexts, GitHubReadModel model)
{
    public const int MaxJobs = 100;

    /// <summary>Whether any project's lines of code are estimated (so a total of them is partly an estimate).</summary>
    public async Task<bool> AnyEstimatedLocAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Projects.AnyAsync(p => p.LocEstimated, cancellationToken);
    }

    /// <summary>
    /// All projects the owner has not hidden (gone ones included, marked); by default the most recently active first
    /// (never-committed last), then by name. Without hidden ones the list is the read model's, shared: never modified.
    /// </summary>
    public async Task<IReadOnlyList<Project>> ListProjectsAsync(
        ProjectSort sort = ProjectSort.LastCommit, bool? descending = null, CancellationToken cancellationToken = default, bool includeHidden = false)
    {
        if (!includeHidden)
        {
            return ListProjects(await model.GetAsync(cancellationToken), sort, descending);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return ProjectOrdering.Sort(await db.Projects.AsNoTracking().ToListAsync(cancellationToken), sort, descending ?? ProjectOrdering.DescendingFirst(sort));
    }

    /// <summary>The visible projects and their metrics as last read, shared and never modified.</summary>
    public Task<GitHubSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) => model.GetAsync(cancellationToken);

    /// <summary>The projects of <paramref name="snapshot"/> in the order <see cref="ListProjectsAsync"/> gives (kept with it).</summary>
    public static IReadOnlyList<Project> ListProjects(GitHubSnapshot snapshot, ProjectSort sort = ProjectSort.LastCommit, bool? descending = null) =>
        snapshot.InOrder(sort, descending ?? ProjectOrdering.DescendingFirst(sort));

    /// <summary>
    /// The project named <paramref name="name"/> (its <c>name</c>, matched exactly first, then ignoring case), or else the
    /// one whose repository is <paramref name="name"/> as <c>owner/name</c>.
    /// </summary>
    public async Task<Project?> FindProjectAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lowered = name.ToLowerInvariant();
        var candidates = await db.Projects.AsNoTracking()
            .Where(p => p.Name == name || p.Name.ToLower() == lowered || (p.FullName != null && p.FullName.ToLower() == lowered))
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(p => p.Name == name)
            ?? candidates.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(p => string.Equals(p.FullName, name, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<GitHubMetrics> GetMetricsAsync(CancellationToken cancellationToken = default) =>
        (await model.GetAsync(cancellationToken)).Metrics;

    /// <summary>The newest finished refresh job if it failed (no refresh has completed since), else null.</summary>
    public async Task<RefreshJob?> FindUnresolvedFailureAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindUnresolvedFailureAsync(db, cancellationToken);
    }

    internal static async Task<RefreshJob?> FindUnresolvedFailureAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        var newestFinished = await db.RefreshJobs.AsNoTracking()
            .Where(j => (j.Status == RefreshJobStatus.Completed || j.Status == RefreshJobStatus.Failed) && j.CompletedAt != null)
            .OrderByDescending(j => j.CompletedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return newestFinished is { Status: RefreshJobStatus.Failed } ? newestFinished : null;
    }

    public async Task<RefreshJob?> FindJobAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RefreshJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    /// <summary>The newest <paramref name="limit"/> jobs by start time (jobs not started yet first).</summary>
    public async Task<List<RefreshJob>> ListJobsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RefreshJobs.AsNoTracking()
            .OrderBy(j => j.StartedAt == null ? 0 : 1)
            .ThenByDescending(j => j.StartedAt)
            .ThenBy(j => j.Id)
            .Take(Math.Clamp(limit, 1, MaxJobs))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every queued or running refresh job, newest first.</summary>
    public async Task<IReadOnlyList<RefreshJob>> ListActiveJobsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ActiveJobs(db).ToListAsync(cancellationToken);
    }

    /// <summary>The queued or running refresh job, if any (the one a refresh button would join).</summary>
    public async Task<RefreshJob?> FindActiveJobAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ActiveJobs(db).FirstOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<RefreshJob> ActiveJobs(TrackerDbContext db) =>
        db.RefreshJobs.AsNoTracking()
            .Where(j => j.Status == RefreshJobStatus.Queued || j.Status == RefreshJobStatus.Running)
            .OrderByDescending(j => j.StartedAt);

    /// <summary>
    /// Commits per UTC day, oldest first: one project's when <paramref name="projectId"/> is given, else summed over all
    /// projects. Grouped in the database (one row per day), so it stays small however many projects there are.
    /// </summary>
    public async Task<List<DailyCommitCount>> ListDailyCommitsAsync(int? projectId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.ProjectDailyCommits.AsNoTracking().Where(d => !db.Projects.Any(p => p.Id == d.ProjectId && p.Hidden));
        if (projectId is { } id)
        {
            rows = rows.Where(d => d.ProjectId == id);
        }

        var days = await rows
            .GroupBy(d => d.Day)
            .Select(g => new { Day = g.Key, Commits = g.Sum(d => d.Commits) })
            .OrderBy(d => d.Day)
            .ToListAsync(cancellationToken);
        return days.Select(d => new DailyCommitCount(DateOnly.FromDateTime(d.Day), d.Commits)).ToList();
    }
}
