using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub;

/// <summary>What the projects list and the metrics are computed from, read once and shared: never modified.</summary>
/// <param name="Projects">The projects the owner has not hidden, by id.</param>
public sealed record GitHubSnapshot(long Version, long LoadedAt, IReadOnlyList<Project> Projects, GitHubMetrics Metrics);

/// <summary>
/// One read of the visible projects and their metrics, shared by <c>/api</c>, the exports and every open dashboard
/// instead of each request or circuit reading and holding its own. It is read again as soon as this process commits a
/// write (<see cref="DataVersion"/>), and after at most <c>ReadModel:MaxAgeSeconds</c> otherwise: the bound on how late
/// another instance's write on the same database shows here. Concurrent readers wait for one database read; a read
/// that started before a write is never handed to a reader who saw the write. A max age of zero reads every time.
/// </summary>
public sealed class GitHubReadModel(IDbContextFactory<TrackerDbContext> contexts, DataVersion version, TimeProvider time, TimeSpan maxAge)
{
    public const string SettingName = "ReadModel:MaxAgeSeconds";
    public const int DefaultSeconds = 2;

    private readonly Lock _lock = new();
    private GitHubSnapshot? _current;
    private (long Version, Task<GitHubSnapshot> Task)? _loading;

    /// <summary>Reads every time: for callers without a shared model (component and unit tests).</summary>
    public static GitHubReadModel Uncached(IDbContextFactory<TrackerDbContext> contexts) =>
        new(contexts, new DataVersion(), TimeProvider.System, TimeSpan.Zero);

    public Task<GitHubSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (maxAge <= TimeSpan.Zero)
        {
            return LoadAsync(version.Current, cancellationToken);
        }

        var seen = version.Current;
        if (Volatile.Read(ref _current) is { } current && current.Version == seen && time.GetElapsedTime(current.LoadedAt) < maxAge)
        {
            return Task.FromResult(current);
        }

        Task<GitHubSnapshot> loading;
        lock (_lock)
        {
            // Joined only when it started at the version this caller saw: an older read may miss a write the caller knows of.
            if (_loading is not { } pending || pending.Version != seen || pending.Task.IsCompleted)
            {
                pending = (seen, LoadAndKeepAsync(seen));
                _loading = pending;
            }

            loading = pending.Task;
        }

        return loading.WaitAsync(cancellationToken);
    }

    // Not cancelled by the caller who happened to start it: others wait for the same read.
    private async Task<GitHubSnapshot> LoadAndKeepAsync(long readVersion)
    {
        var snapshot = await LoadAsync(readVersion, CancellationToken.None);
        lock (_lock)
        {
            if (_current is null || _current.Version <= snapshot.Version)
            {
                _current = snapshot;
            }
        }

        return snapshot;
    }

    private async Task<GitHubSnapshot> LoadAsync(long readVersion, CancellationToken ct)
    {
        var loadedAt = time.GetTimestamp();
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
        return new GitHubSnapshot(readVersion, loadedAt, projects, metrics);
    }
}
