using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>Open WHOOP pages hear of syncs another instance ran, read from <c>whoop_sync_status</c>.</summary>
public sealed class WhoopSyncWatcherTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private IDbContextFactory<TrackerDbContext> _contexts = null!;
    private WhoopSyncNotifier _notifier = null!;
    private WhoopSyncWatcher _watcher = null!;
    private int _toldElsewhere;

    public async Task InitializeAsync()
    {
        _contexts = await TestContexts.MigrateAsync(_database);
        _notifier = new WhoopSyncNotifier(_clock);
        _watcher = new WhoopSyncWatcher(new WhoopReadService(_contexts, _clock), _notifier, _clock, NullLogger<WhoopSyncWatcher>.Instance);
        await RecordSyncAsync(); // an earlier sync, before any page opened
    }

    public async Task DisposeAsync()
    {
        _watcher.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Check_SyncRecordedByAnotherInstance_TellsOpenPagesOnce()
    {
        OpenPage();
        await _watcher.CheckAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(3));
        await RecordSyncAsync();
        await _watcher.CheckAsync(CancellationToken.None);
        await _watcher.CheckAsync(CancellationToken.None);

        Assert.Equal(1, _toldElsewhere);
    }

    [Fact]
    public async Task Check_SyncThisProcessPublished_IsNotToldAgain()
    {
        OpenPage();
        await _watcher.CheckAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(3));
        await RecordSyncAsync();
        _notifier.Publish(new WhoopSyncOutcome(DateRange.LastDays(7, new DateOnly(2026, 3, 15)), null, null, "job"));
        await _watcher.CheckAsync(CancellationToken.None);

        Assert.Equal(0, _toldElsewhere);
    }

    [Fact]
    public async Task Check_NoPageOpen_ReadsNothingAndTellsNobody()
    {
        await _watcher.CheckAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(3));
        await RecordSyncAsync();
        await _watcher.CheckAsync(CancellationToken.None);

        OpenPage(); // the page loads what is stored now; only later syncs are news
        await _watcher.CheckAsync(CancellationToken.None);

        Assert.Equal(0, _toldElsewhere);
    }

    [Fact]
    public async Task Run_EveryInterval_LooksAtTheDatabase()
    {
        OpenPage();
        var told = new TaskCompletionSource();
        _notifier.FinishedElsewhere += () => told.TrySetResult();
        await _watcher.StartAsync(CancellationToken.None);
        await _watcher.CheckAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await RecordSyncAsync();
        _clock.Advance(WhoopSyncWatcher.Interval);

        await told.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await _watcher.StopAsync(CancellationToken.None);
    }

    private void OpenPage() => _notifier.FinishedElsewhere += () => _toldElsewhere++;

    /// <summary>What <c>WhoopSyncService</c> writes at the end of a sync, on whichever instance ran it.</summary>
    private async Task RecordSyncAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var row = await db.WhoopSyncStatuses.FirstOrDefaultAsync();
        if (row is null)
        {
            row = new WhoopSyncStatus();
            db.WhoopSyncStatuses.Add(row);
        }

        row.LastSyncAt = _clock.GetUtcNow().UtcDateTime;
        row.Status = "completed";
        await db.SaveChangesAsync();
    }
}
