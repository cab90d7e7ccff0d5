using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Web.GitHub;
using ProjectTracker.Web.Jobs;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>
/// Open dashboards hear of a refresh another instance runs through one process-wide reader of the job table
/// (<see cref="RefreshJobWatcher"/>), on the one path every progress takes (<see cref="RefreshProgressHub"/>).
/// </summary>
public sealed class RefreshJobWatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly RefreshProgressHub _hub = new();
    private readonly Channel<RefreshJob> _published = Channel.CreateUnbounded<RefreshJob>();
    private TestContexts _contexts = null!;

    public async Task InitializeAsync() => _contexts = await TestContexts.MigrateAsync(_database);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private RefreshJobWatcher Watcher(bool shared) => new(
        TestReadModels.GitHubReads(_contexts, _clock), _hub, new JobStorageSharing(shared), _clock, NullLogger<RefreshJobWatcher>.Instance);

    private void OpenPage() => _hub.Changed += job => _published.Writer.TryWrite(job);

    /// <summary>What another instance's job writes: the row, as its progress moves.</summary>
    private async Task WriteJobAsync(string status, int processed)
    {
        await using var db = _contexts.CreateDbContext();
        var job = await db.RefreshJobs.FindAsync("elsewhere");
        if (job is null)
        {
            job = new RefreshJob { Id = "elsewhere", StartedAt = _clock.GetUtcNow().UtcDateTime, TotalRepositories = 10 };
            db.RefreshJobs.Add(job);
        }

        (job.Status, job.RepositoriesProcessed, job.UpdatedAt) = (status, processed, _clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private async Task<RefreshJob> TickAsync()
    {
        _clock.Advance(RefreshJobWatcher.Interval);
        return await _published.Reader.ReadAsync().AsTask().WaitAsync(Wait);
    }

    [Fact]
    public async Task Watcher_JobOnAnotherInstance_PublishesEachChangeOnceUntilItEnds()
    {
        OpenPage();
        using var watcher = Watcher(shared: true);
        await watcher.StartAsync(CancellationToken.None);

        await WriteJobAsync(RefreshJobStatus.Running, 3);
        var first = await TickAsync();
        await WriteJobAsync(RefreshJobStatus.Running, 5);
        var second = await TickAsync();
        _clock.Advance(RefreshJobWatcher.Interval); // nothing new: nothing published
        await WriteJobAsync(RefreshJobStatus.Completed, 10);
        var last = await TickAsync();
        await watcher.StopAsync(CancellationToken.None);

        Assert.Equal((RefreshJobStatus.Running, 3), (first.Status, first.RepositoriesProcessed));
        Assert.Equal((RefreshJobStatus.Running, 5), (second.Status, second.RepositoriesProcessed));
        Assert.Equal((RefreshJobStatus.Completed, 10), (last.Status, last.RepositoriesProcessed));
        Assert.False(_published.Reader.TryRead(out _));
        Assert.Equal(RefreshJobStatus.Completed, (await _hub.WhenFinishedAsync("elsewhere").WaitAsync(Wait)).Status);
    }

    [Fact]
    public async Task Watcher_JobStorageOfThisProcessOnly_DoesNotReadTheDatabase()
    {
        OpenPage();
        using var watcher = Watcher(shared: false);

        await watcher.StartAsync(CancellationToken.None);

        // Every job runs in this process and reaches the hub directly: the watcher ends at once, without a timer.
        await watcher.ExecuteTask!.WaitAsync(Wait);
        Assert.True(watcher.ExecuteTask.IsCompletedSuccessfully);
    }

    [Fact]
    public void Hub_StoredRowOlderThanWhatThisProcessPublished_IsNotPublishedAgain()
    {
        var seen = new List<int>();
        _hub.Changed += job => seen.Add(job.RepositoriesProcessed);
        var now = _clock.GetUtcNow().UtcDateTime;
        var live = new RefreshJob { Id = "here", Status = RefreshJobStatus.Running, RepositoriesProcessed = 7, UpdatedAt = now };

        _hub.JobChanged(live);
        live.RepositoriesProcessed = 8; // the job's own row moves on: the published snapshot does not
        _hub.Observe(new RefreshJob { Id = "here", Status = RefreshJobStatus.Running, RepositoriesProcessed = 5, UpdatedAt = now.AddSeconds(-1) });

        Assert.Equal([7], seen);
    }
}
