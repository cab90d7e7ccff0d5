using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>
/// Open WHOOP pages hear of syncs another instance ran, read from <c>whoop_sync_status</c> on the watcher's own ticks.
/// Each tick's read of the table is seen as it happens; the watcher looks once per tick, one tick after the other, so
/// when a tick's read has been seen every earlier tick has been dealt with in full.
/// </summary>
public sealed class WhoopSyncWatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly SyncStatusReads _reads = new();
    private TestContexts _writes = null!;
    private WhoopSyncNotifier _notifier = null!;
    private WhoopSyncWatcher _watcher = null!;
    private int _toldElsewhere;

    public async Task InitializeAsync()
    {
        _writes = await TestContexts.MigrateAsync(_database);
        _notifier = new WhoopSyncNotifier(_clock);
        var watched = new WatchedContexts(DatabaseSettings.Parse(_database.DatabaseUrl, Path.GetTempPath()).ConnectionString, _reads);
        _watcher = new WhoopSyncWatcher(TestReadModels.WhoopReads(watched, _clock), _notifier, _clock, NullLogger<WhoopSyncWatcher>.Instance);
        await RecordSyncAsync(); // an earlier sync, before any page opened
        await _watcher.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _watcher.StopAsync(CancellationToken.None);
        _watcher.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SyncRecordedByAnotherInstance_TellsOpenPagesOnce()
    {
        OpenPage();
        await TickAsync(); // what is stored when the page opened

        await RecordSyncAsync();
        await TickAsync();
        await TickAsync();
        await TickAsync(); // the one before has been dealt with

        Assert.Equal(1, _toldElsewhere);
    }

    [Fact]
    public async Task SyncThisProcessPublished_IsNotToldAgain()
    {
        OpenPage();
        await TickAsync();

        await RecordSyncAsync();
        _notifier.Publish(new WhoopSyncOutcome(DateRange.LastDays(7, new DateOnly(2026, 3, 15)), null, null, "job"));
        await TickAsync();
        await TickAsync();

        Assert.Equal(0, _toldElsewhere);
    }

    [Fact]
    public async Task NoPageOpen_ReadsNothingAndTellsNobody()
    {
        _clock.Advance(WhoopSyncWatcher.Interval);
        await RecordSyncAsync();
        _clock.Advance(WhoopSyncWatcher.Interval);
        Assert.Equal(0, _reads.Count);

        OpenPage(); // the page loads what is stored now; only later syncs are news
        await TickAsync();
        await TickAsync();
        Assert.Equal(0, _toldElsewhere);

        // A tick from before the page opened may still be read after it: one tick more than elsewhere covers it.
        await RecordSyncAsync();
        await TickAsync();
        await TickAsync();
        await TickAsync();
        Assert.Equal(1, _toldElsewhere);
    }

    private void OpenPage() => _notifier.FinishedElsewhere += () => Interlocked.Increment(ref _toldElsewhere);

    /// <summary>One interval on the clock, and the watcher's read of the table on that tick.</summary>
    private async Task TickAsync()
    {
        _clock.Advance(WhoopSyncWatcher.Interval);
        await _reads.Done.Reader.ReadAsync().AsTask().WaitAsync(Wait);
    }

    /// <summary>What <c>WhoopSyncService</c> writes at the end of a sync, on whichever instance ran it.</summary>
    private async Task RecordSyncAsync()
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        await using var db = _writes.CreateDbContext();
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

    /// <summary>The watcher's contexts: each read of <c>whoop_sync_status</c> is reported once it has its answer.</summary>
    private sealed class WatchedContexts(string connectionString, SyncStatusReads reads) : IDbContextFactory<TrackerDbContext>
    {
        public TrackerDbContext CreateDbContext() => new SqliteTrackerDbContext(
            new DbContextOptionsBuilder<SqliteTrackerDbContext>().UseSqlite(connectionString).AddInterceptors(reads).Options);
    }

    private sealed class SyncStatusReads : DbCommandInterceptor
    {
        private int _count;

        public Channel<bool> Done { get; } = Channel.CreateUnbounded<bool>();

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("whoop_sync_status", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
                Done.Writer.TryWrite(true);
            }

            return ValueTask.FromResult(result);
        }
    }
}
