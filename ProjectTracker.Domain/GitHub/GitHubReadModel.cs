using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub;

/// <summary>The visible projects and their metrics, read once and shared (<see cref="ReadModel{TSnapshot}"/>).</summary>
public sealed class GitHubReadModel(
    IDbContextFactory<TrackerDbContext> contexts, DataVersion version, TimeProvider time, TimeSpan maxAge, IDataChanges? changes = null)
    : ReadModel<GitHubSnapshot>(version, time, maxAge, changes)
{
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
