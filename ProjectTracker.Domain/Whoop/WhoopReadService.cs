using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Whoop;

/// <summary>
/// Reads stored WHOOP records by the athlete's local days, newest first: lists, metrics and the dashboard from the shared
/// <see cref="WhoopReadModel"/>, exports streamed from the database.
/// </summary>
public sealed class WhoopReadService(IDbContextFactory<TrackerDbContext> contexts, TimeProvider time, WhoopReadModel model)
{
    /// <summary>Every stored record, shared and never modified: for answers written straight from it.</summary>
    public Task<WhoopSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) => model.GetAsync(cancellationToken);

    /// <summary>
    /// The athlete's today: now at the time-zone offset of their newest sleep (UTC when none is known), so that
    /// "the last 7 days" means their days, not the server's.
    /// </summary>
    public async Task<DateOnly> GetTodayAsync(CancellationToken cancellationToken = default) =>
        TodayOf(await GetSnapshotAsync(cancellationToken));

    /// <summary>The athlete's today by the offset <paramref name="snapshot"/> knows.</summary>
    public DateOnly TodayOf(WhoopSnapshot snapshot) => WhoopDays.LocalDate(time.GetUtcNow().UtcDateTime, snapshot.Offset);

    public async Task<List<WhoopRecovery>> ListRecoveriesAsync(DateRange range, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Recoveries.In(range);

    /// <summary>The newest scored recovery (one still being scored, or unscorable, is in the lists but not "the latest").</summary>
    public async Task<WhoopRecovery?> LatestRecoveryAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).LatestRecovery;

    public async Task<List<WhoopSleep>> ListSleepsAsync(DateRange range, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Sleeps.In(range);

    /// <summary>The newest scored night's sleep; a scored nap only when no night is scored.</summary>
    public async Task<WhoopSleep?> LatestSleepAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).LatestSleep;

    /// <summary>Workouts by the local day they started (rows from the old app, without a day, by their UTC start).</summary>
    public async Task<List<WhoopWorkout>> ListWorkoutsAsync(DateRange range, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Workouts.In(range);

    /// <summary>Cycles by the day they describe (rows from the old app, without a day, by their UTC start).</summary>
    public async Task<List<WhoopCycle>> ListCyclesAsync(DateRange range, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Cycles.In(range);

    /// <summary>
    /// The records of <paramref name="range"/> one by one as the database sends them, in the lists' order: for exports
    /// of years, which must not be held in memory at once.
    /// </summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(
        Func<TrackerDbContext, DateRange, IQueryable<T>> query, DateRange range, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var row in query(db, range).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public static IQueryable<WhoopRecovery> Recoveries(TrackerDbContext db, DateRange range) =>
        InListOrder(db.WhoopRecoveries.AsNoTracking().Where(r => r.Date >= range.From && r.Date < range.Until));

    public static IQueryable<WhoopSleep> Sleeps(TrackerDbContext db, DateRange range) =>
        InListOrder(db.WhoopSleeps.AsNoTracking().Where(s => s.Date >= range.From && s.Date < range.Until));

    public static IQueryable<WhoopWorkout> Workouts(TrackerDbContext db, DateRange range) =>
        InListOrder(db.WhoopWorkouts.AsNoTracking().Where(w => (w.Date ?? w.StartTime) >= range.From && (w.Date ?? w.StartTime) < range.Until));

    public static IQueryable<WhoopCycle> Cycles(TrackerDbContext db, DateRange range) =>
        InListOrder(db.WhoopCycles.AsNoTracking().Where(c => (c.Date ?? c.StartTime) >= range.From && (c.Date ?? c.StartTime) < range.Until));

    // The lists' order, newest first; the read model loads whole tables in it.
    internal static IQueryable<WhoopRecovery> InListOrder(IQueryable<WhoopRecovery> rows) =>
        rows.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id);

    internal static IQueryable<WhoopSleep> InListOrder(IQueryable<WhoopSleep> rows) =>
        rows.OrderByDescending(s => s.Date).ThenByDescending(s => s.EndTime).ThenByDescending(s => s.Id);

    internal static IQueryable<WhoopWorkout> InListOrder(IQueryable<WhoopWorkout> rows) =>
        rows.OrderByDescending(w => w.StartTime).ThenByDescending(w => w.Id);

    internal static IQueryable<WhoopCycle> InListOrder(IQueryable<WhoopCycle> rows) =>
        rows.OrderByDescending(c => c.StartTime).ThenByDescending(c => c.Id);

    /// <summary>The last sync's outcome (one row, rewritten by every sync), or null before the first.</summary>
    public async Task<WhoopSyncStatus?> GetLastSyncAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WhoopSyncStatuses.AsNoTracking().OrderByDescending(s => s.LastSyncAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The member's profile and body measurement as stored at the last read, or null before WHOOP was connected.</summary>
    public async Task<WhoopProfile?> GetProfileAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WhoopProfiles.AsNoTracking().OrderByDescending(p => p.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The newest day stored of recoveries, sleeps and cycles (<c>/api/whoop/sync/status</c>).</summary>
    public async Task<WhoopLatestDays> GetLatestDaysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new WhoopLatestDays(
            await db.WhoopRecoveries.MaxAsync(r => (DateTime?)r.Date, cancellationToken),
            await db.WhoopSleeps.MaxAsync(s => (DateTime?)s.Date, cancellationToken),
            await db.WhoopCycles.MaxAsync(c => c.Date ?? c.StartTime, cancellationToken));
    }

    /// <summary>When the newest stored cycle began, or null before the first sync: where an incremental sync starts.</summary>
    public async Task<DateTime?> GetNewestCycleStartAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WhoopCycles.MaxAsync(c => c.StartTime, cancellationToken);
    }

    /// <summary>How many records of each kind are stored.</summary>
    public async Task<WhoopRecordCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new WhoopRecordCounts(
            await db.WhoopRecoveries.CountAsync(cancellationToken),
            await db.WhoopSleeps.CountAsync(cancellationToken),
            await db.WhoopWorkouts.CountAsync(cancellationToken),
            await db.WhoopCycles.CountAsync(cancellationToken));
    }

    /// <summary>The dashboard's view of a range, shared by every dashboard showing it until the data changes.</summary>
    public async Task<WhoopDashboardData> GetDashboardAsync(DateRange range, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).DashboardOf(range);

    public async Task<WhoopMetrics> GetMetricsAsync(DateRange range, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).MetricsOf(range);
}
