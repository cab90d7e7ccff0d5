using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.GitHub;

/// <summary>
/// The GitHub data's one read model: the visible projects and their metrics, read once and shared
/// (<see cref="ReadModel{TSnapshot}"/>), and everything derived from them kept with the snapshot, including the coding
/// timeline over every commit. A snapshot also stands for the owner's today: the dashboard's calendar, kept with it, ends there.
/// </summary>
public sealed class GitHubReadModel(
    IDbContextFactory<TrackerDbContext> contexts, GitHubOptions options, OwnerDays owner, DataVersion version, TimeProvider time, TimeSpan maxAge,
    IDataChanges? changes = null)
    : ReadModel<GitHubSnapshot>(version, time, maxAge, changes)
{
    /// <summary>
    /// The owner's <see cref="CodingTimeline"/> (every commit, hidden projects' too: hours are over all the owner's work),
    /// read on first use and kept with the current snapshot, so it is read again exactly when the projects are. Read after
    /// the snapshot, it is never older than it.
    /// </summary>
    public async Task<CodingTimeline> GetTimelineAsync(CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(cancellationToken);
        return await snapshot.Derived.OfAsync(typeof(CodingTimeline), async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            return await CodingTimeline.ReadAsync(db, options, CancellationToken.None);
        }, cancellationToken);
    }

    /// <summary>A new day reads the snapshot again (and so draws the calendar again) even when no data changed.</summary>
    protected override async Task<string> DependsOnAsync(CancellationToken cancellationToken) =>
        (await owner.TodayAsync(cancellationToken)).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    protected override async Task<GitHubSnapshot> LoadAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => !p.Hidden).OrderBy(p => p.Id).ToListAsync(ct);
        var lastJob = await db.RefreshJobs.AsNoTracking()
            .Where(j => j.Status == RefreshJobStatus.Completed && j.CompletedAt != null)
            .MaxAsync(j => j.CompletedAt, ct);
        var failed = await GitHubReadService.FindUnresolvedFailureAsync(db, ct);
        var lastProject = projects.Max(p => p.RefreshedAt);
        var metrics = GitHubMetrics.Compute(projects, lastJob > lastProject || lastProject is null ? lastJob : lastProject) with
        {
            LastRefreshError = failed is null ? null : new RefreshFailure(failed.Id, failed.ErrorMessage, failed.CompletedAt),
        };
        return new GitHubSnapshot(projects, metrics);
    }
}
