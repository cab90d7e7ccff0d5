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
/// Each sync is a job in <c>whoop_sync_job</c> (<see cref="WhoopSyncJobStore"/>) with its progress, so a long backfill can
/// answer at once with a status URL (<see cref="StartAsync"/>) while a short one is waited for (<see cref="SyncAsync"/>).
/// Progress and every finish are published to <see cref="WhoopSyncNotifier"/>.
/// </summary>
public sealed class WhoopRangeSync(
    WhoopRefreshService refresh, WhoopSyncJobStore jobs, WhoopSyncNotifier notifier, SharedStateStore shared, TimeProvider time)
{
    public static readonly TimeSpan RecentlySynced = TimeSpan.FromMinutes(1);
    private const string LeaseKey = "whoop-sync:lease";
    private const string RecentKey = "whoop-sync:recent";
    private static readonly TimeSpan LeaseLifetime = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan LeasePoll = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly List<QueuedSync> _queued = [];
    private Task _last = Task.CompletedTask;
    private RecentSync? _recent;

    /// <summary>Syncs the range (or joins the sync that covers it) and waits for it.</summary>
    /// <exception cref="WhoopApiException">Not connected, reconnect needed, or WHOOP failing.</exception>
    public Task<WhoopSyncResult> SyncAsync(DateRange range, string syncType, CancellationToken ct) =>
        Enqueue(range, syncType) switch
        {
            (_, { } queued) => queued.Sync.WaitAsync(ct),
            (var recent, _) => Task.FromResult(recent!.Result),
        };

    /// <summary>
    /// Starts syncing the range in the background (or joins the sync that covers it) and answers its job once the job is
    /// recorded; <c>Created</c> is false when an earlier sync answers this range.
    /// </summary>
    public async Task<WhoopSyncStart> StartAsync(DateRange range, string syncType, CancellationToken ct)
    {
        var (recent, queued) = Enqueue(range, syncType);
        if (queued is null)
        {
            return new WhoopSyncStart(recent!.JobId, Created: false, Task.FromResult(recent.Result));
        }

        await queued.Recorded.WaitAsync(ct);
        return new WhoopSyncStart(queued.JobId, queued.Created, queued.Sync);
    }

    private (RecentSync? Recent, QueuedSync? Queued) Enqueue(DateRange range, string syncType)
    {
        lock (_lock)
        {
            foreach (var queued in _queued)
            {
                if (Covers(queued.Range, range))
                {
                    return (null, queued with { Created = false });
                }
            }

            if (_recent is { } recent && recent.Answers(range, time.GetUtcNow()))
            {
                return (recent, null);
            }

            // Not tied to the first caller's cancellation: others may be waiting for the same result.
            var previous = _last;
            var jobId = Guid.NewGuid().ToString();
            var recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sync = Task.Run(() => RunAfterAsync(previous, range, syncType, jobId, recorded), CancellationToken.None);
            var entry = new QueuedSync(range, jobId, recorded.Task, sync, Created: true);
            _queued.Add(entry);
            _last = sync.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return (null, entry);
        }
    }

    private async Task<WhoopSyncResult> RunAfterAsync(Task previous, DateRange range, string syncType, string jobId, TaskCompletionSource recorded)
    {
        try
        {
            await jobs.CreateAsync(jobId, range, syncType, CancellationToken.None);
            recorded.SetResult();
        }
        catch (Exception e)
        {
            recorded.SetException(e);
            await previous;
            Finish(new WhoopSyncOutcome(range, null, e.Message, jobId));
            throw;
        }

        await previous;
        try
        {
            var synced = await RunHoldingLeaseAsync(range, syncType, jobId);
            await jobs.FinishAsync(jobId, synced, null);
            Finish(new WhoopSyncOutcome(range, synced, null, jobId));
            return synced;
        }
        catch (Exception e)
        {
            await jobs.FinishAsync(jobId, null, e.Message);
            Finish(new WhoopSyncOutcome(range, null, e.Message, jobId));
            throw;
        }
    }

    private async Task<WhoopSyncResult> RunHoldingLeaseAsync(DateRange range, string syncType, string jobId)
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

            await jobs.StartAsync(jobId);
            var synced = await refresh.SyncDaysAsync(range, syncType, CancellationToken.None, async progress =>
            {
                await jobs.ReportAsync(jobId, progress);
                notifier.PublishProgress(jobId, progress);
            });
            var recent = new RecentSync(range.Start, range.End, time.GetUtcNow(), synced, jobId);
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
    private void Finish(WhoopSyncOutcome outcome)
    {
        lock (_lock)
        {
            _queued.RemoveAll(entry => entry.JobId == outcome.JobId);
        }

        notifier.Publish(outcome);
    }

    private sealed record QueuedSync(DateRange Range, string JobId, Task Recorded, Task<WhoopSyncResult> Sync, bool Created);

    private sealed record RecentSync(DateOnly Start, DateOnly End, DateTimeOffset At, WhoopSyncResult Result, string JobId)
    {
        public bool Answers(DateRange range, DateTimeOffset now) =>
            now - At < RecentlySynced && Start <= range.Start && End >= range.End;
    }
}
