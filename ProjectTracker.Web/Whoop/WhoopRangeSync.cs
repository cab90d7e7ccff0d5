using System.Text.Json;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// Every WHOOP sync goes through here (the refresh and sync endpoints, the dashboard's button, the recurring job), so the
/// owner's WHOOP quota (100 requests a minute, 10,000 a day) is spent once per need:
/// <list type="bullet">
/// <item>one sync at a time for the whole app: in this process they queue, across instances a lease in the shared state
/// (<see cref="SharedStateStore"/>) admits one;</item>
/// <item>a request whose range a running or queued sync covers joins it (<c>days=3649</c> joins <c>days=3650</c>);</item>
/// <item>a range a sync covered in the last minute — here or on another instance — is answered from that sync, not
/// fetched again.</item>
/// </list>
/// Every finish is published to <see cref="WhoopSyncNotifier"/>.
/// </summary>
public sealed class WhoopRangeSync(WhoopRefreshService refresh, WhoopSyncNotifier notifier, SharedStateStore shared, TimeProvider time)
{
    public static readonly TimeSpan RecentlySynced = TimeSpan.FromMinutes(1);
    private const string LeaseKey = "whoop-sync:lease";
    private const string RecentKey = "whoop-sync:recent";
    private static readonly TimeSpan LeaseLifetime = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan LeasePoll = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly List<(DateRange Range, Task<WhoopSyncResult> Sync)> _queued = [];
    private Task _last = Task.CompletedTask;
    private RecentSync? _recent;

    /// <exception cref="WhoopApiException">Not connected, reconnect needed, or WHOOP failing.</exception>
    public Task<WhoopSyncResult> SyncAsync(DateRange range, string syncType, CancellationToken ct)
    {
        lock (_lock)
        {
            foreach (var (queuedRange, queued) in _queued)
            {
                if (Covers(queuedRange, range))
                {
                    return queued.WaitAsync(ct);
                }
            }

            if (_recent is { } recent && recent.Answers(range, time.GetUtcNow()))
            {
                return Task.FromResult(recent.Result);
            }

            // Not tied to the first caller's cancellation: others may be waiting for the same result.
            var previous = _last;
            var sync = Task.Run(() => RunAfterAsync(previous, range, syncType), CancellationToken.None);
            _queued.Add((range, sync));
            _last = sync.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return sync.WaitAsync(ct);
        }
    }

    private async Task<WhoopSyncResult> RunAfterAsync(Task previous, DateRange range, string syncType)
    {
        await previous;
        try
        {
            var synced = await RunHoldingLeaseAsync(range, syncType);
            Finish(range, new WhoopSyncOutcome(range, synced, null));
            return synced;
        }
        catch (Exception e)
        {
            Finish(range, new WhoopSyncOutcome(range, null, e.Message));
            throw;
        }
    }

    private async Task<WhoopSyncResult> RunHoldingLeaseAsync(DateRange range, string syncType)
    {
        var holder = Guid.NewGuid().ToByteArray();
        while (!await shared.TryAddAsync(LeaseKey, holder, LeaseLifetime, CancellationToken.None))
        {
            // Another instance is syncing: its result may be what this request needs.
            if (await ReadSharedRecentAsync() is { } theirs && theirs.Answers(range, time.GetUtcNow()))
            {
                return theirs.Result;
            }

            await Task.Delay(LeasePoll); // real time, as the token lease: a fake clock in tests must not stall it
        }

        try
        {
            if (await ReadSharedRecentAsync() is { } done && done.Answers(range, time.GetUtcNow()))
            {
                return done.Result; // finished elsewhere just before this instance got the lease
            }

            var synced = await refresh.SyncDaysAsync(range, syncType, CancellationToken.None);
            var recent = new RecentSync(range.Start, range.End, time.GetUtcNow(), synced);
            lock (_lock)
            {
                _recent = recent;
            }

            await shared.SetAsync(RecentKey, JsonSerializer.SerializeToUtf8Bytes(recent), RecentlySynced, CancellationToken.None);
            return synced;
        }
        finally
        {
            await shared.RemoveAsync(LeaseKey, CancellationToken.None, onlyIf: holder);
        }
    }

    private async Task<RecentSync?> ReadSharedRecentAsync() =>
        await shared.GetAsync(RecentKey, CancellationToken.None) is { } json ? JsonSerializer.Deserialize<RecentSync>(json) : null;

    private static bool Covers(DateRange outer, DateRange inner) => outer.Start <= inner.Start && outer.End >= inner.End;

    // Finish waits for the lock, so a sync that ends at once is still registered first and then removed.
    private void Finish(DateRange range, WhoopSyncOutcome outcome)
    {
        lock (_lock)
        {
            _queued.RemoveAll(entry => entry.Range == range);
        }

        notifier.Publish(outcome);
    }

    private sealed record RecentSync(DateOnly Start, DateOnly End, DateTimeOffset At, WhoopSyncResult Result)
    {
        public bool Answers(DateRange range, DateTimeOffset now) =>
            now - At < RecentlySynced && Start <= range.Start && End >= range.End;
    }
}
