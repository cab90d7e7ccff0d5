using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// The old frontend's page-load sync (<c>/refresh/today</c>): the last two days, shared by every caller while it runs and
/// for a minute after, so many open browsers cause one sync.
/// </summary>
public sealed class WhoopTodayRefresher(WhoopRangeSync refresh, TimeProvider time)
{
    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private Task<WhoopSyncResult>? _current;
    private DateTimeOffset _startedAt;

    public Task<WhoopSyncResult> RefreshAsync()
    {
        lock (_lock)
        {
            if (_current is { } current && (!current.IsCompleted || time.GetUtcNow() - _startedAt < Reuse))
            {
                return current;
            }

            _startedAt = time.GetUtcNow();
            var today = DateOnly.FromDateTime(_startedAt.UtcDateTime);
            // Not tied to one request's cancellation: other callers share the result.
            _current = refresh.SyncAsync(DateRange.LastDays(2, today), "today", CancellationToken.None);
            return _current;
        }
    }
}
