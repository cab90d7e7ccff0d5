using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Domain.Whoop.Sync;

public sealed record WhoopSyncResult(int Recovery, int Sleep, int Workouts, int Cycles)
{
    public int Total => Recovery + Sleep + Workouts + Cycles;
}

/// <summary>
/// Syncs cycles, sleeps, recoveries and workouts for a span of time: every page of every collection is read first, then
/// all of it is upserted on WHOOP's ids in one transaction — a failed read writes nothing, and is never reported as a
/// successful sync. The outcome goes to <c>whoop_sync_status</c>.
/// </summary>
public sealed class WhoopSyncService(IDbContextFactory<TrackerDbContext> contexts, WhoopApiClient api, TimeProvider time)
{
    // Records are filed by local day; a day's records can start up to 14 h either side of its UTC midnight.
    private static readonly TimeSpan TimeZoneMargin = TimeSpan.FromHours(14);

    public Task<WhoopSyncResult> SyncDaysAsync(Time.DateRange days, string accessToken, string syncType, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var end = new DateTimeOffset(days.Until, TimeSpan.Zero) + TimeZoneMargin;
        return SyncAsync(new DateTimeOffset(days.From, TimeSpan.Zero) - TimeZoneMargin, end < now ? end : now, accessToken, syncType, ct);
    }

    public async Task<WhoopSyncResult> SyncAsync(DateTimeOffset start, DateTimeOffset end, string accessToken, string syncType, CancellationToken ct)
    {
        try
        {
            var cycles = await api.GetCyclesAsync(start, end, accessToken, ct);
            var sleeps = await api.GetSleepsAsync(start, end, accessToken, ct);
            var recoveries = await api.GetRecoveriesAsync(start, end, accessToken, ct);
            var workouts = await api.GetWorkoutsAsync(start, end, accessToken, ct);
            var result = await StoreAsync(cycles, sleeps, recoveries, workouts, ct);
            await RecordStatusAsync(syncType, "completed", result.Total, null, CancellationToken.None);
            return result;
        }
        catch (WhoopApiException e)
        {
            await RecordStatusAsync(syncType, "failed", 0, e.Message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Records a sync that failed before WHOOP's data was read (its token could not be renewed).</summary>
    public Task RecordFailureAsync(string syncType, string error) =>
        RecordStatusAsync(syncType, "failed", 0, error, CancellationToken.None);

    /// <summary>Upserts single records (webhooks): the same rules as a sync, in one transaction.</summary>
    public Task<WhoopSyncResult> StoreRecordsAsync(
        IReadOnlyList<WhoopSleepRecord> sleeps, IReadOnlyList<WhoopRecoveryRecord> recoveries, IReadOnlyList<WhoopWorkoutRecord> workouts,
        CancellationToken ct) =>
        StoreAsync([], [.. sleeps], [.. recoveries], [.. workouts], ct);

    /// <summary>Removes what WHOOP deleted: a workout, a sleep, or the recovery of a sleep (by the sleep's id).</summary>
    public async Task<int> DeleteAsync(string kind, string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return kind switch
        {
            "workout" => await db.WhoopWorkouts.Where(w => w.WorkoutId == id).ExecuteDeleteAsync(ct),
            "sleep" => await db.WhoopSleeps.Where(s => s.SleepId == id).ExecuteDeleteAsync(ct),
            "recovery" => await db.WhoopRecoveries.Where(r => r.SleepId == id).ExecuteDeleteAsync(ct),
            _ => 0,
        };
    }

    // Two syncs (two requests, or two instances) may insert the same new record at once: the loser of the unique-key race
    // starts its transaction again, now finding the row and updating it.
    private async Task<WhoopSyncResult> StoreAsync(
        List<WhoopCycleRecord> cycles, List<WhoopSleepRecord> sleeps, List<WhoopRecoveryRecord> recoveries,
        List<WhoopWorkoutRecord> workouts, CancellationToken ct)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreOnceAsync(cycles, sleeps, recoveries, workouts, ct);
            }
            catch (DbUpdateException) when (attempt < attempts)
            {
            }
        }
    }

    private async Task<WhoopSyncResult> StoreOnceAsync(
        List<WhoopCycleRecord> cycles, List<WhoopSleepRecord> sleeps, List<WhoopRecoveryRecord> recoveries,
        List<WhoopWorkoutRecord> workouts, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var cycleIds = cycles.Select(c => c.Id.ToString()).ToList();
        var storedCycles = await db.WhoopCycles.Where(c => cycleIds.Contains(c.CycleId!)).ToDictionaryAsync(c => c.CycleId!, ct);
        foreach (var record in cycles)
        {
            WhoopRecordMapper.Apply(Upsert(db.WhoopCycles, storedCycles, record.Id.ToString()), record, now);
        }

        var sleepIds = sleeps.Select(s => s.Id).ToList();
        var storedSleeps = await db.WhoopSleeps.Where(s => sleepIds.Contains(s.SleepId!)).ToDictionaryAsync(s => s.SleepId!, ct);
        foreach (var record in sleeps)
        {
            WhoopRecordMapper.Apply(Upsert(db.WhoopSleeps, storedSleeps, record.Id), record, now);
        }

        await db.SaveChangesAsync(ct);

        // A recovery's day is its sleep's: from this sync, else from the stored sleep, else its cycle's day.
        var recoverySleepIds = recoveries.Select(r => r.SleepId).ToList();
        var sleepDays = await db.WhoopSleeps.AsNoTracking()
            .Where(s => recoverySleepIds.Contains(s.SleepId!))
            .ToDictionaryAsync(s => s.SleepId!, s => (s.Date, s.TimezoneOffset), ct);
        var recoveryCycleIds = recoveries.Select(r => r.CycleId.ToString()).ToList();
        var storedRecoveries = await db.WhoopRecoveries.Where(r => recoveryCycleIds.Contains(r.CycleId!)).ToDictionaryAsync(r => r.CycleId!, ct);
        var cycleDays = await db.WhoopCycles.AsNoTracking()
            .Where(c => recoveryCycleIds.Contains(c.CycleId!))
            .ToDictionaryAsync(c => c.CycleId!, c => (c.Date, c.TimezoneOffset), ct);
        foreach (var record in recoveries)
        {
            var cycleId = record.CycleId.ToString();
            var (date, offset) = sleepDays.TryGetValue(record.SleepId, out var sleep) ? sleep
                : cycleDays.TryGetValue(cycleId, out var cycle) ? cycle
                : (DateTime.SpecifyKind(record.CreatedAt.UtcDateTime.Date, DateTimeKind.Utc), null);
            var day = DateOnly.FromDateTime(date ?? record.CreatedAt.UtcDateTime);
            WhoopRecordMapper.Apply(Upsert(db.WhoopRecoveries, storedRecoveries, cycleId), record, day, offset, now);
        }

        var workoutIds = workouts.Select(w => w.Id).ToList();
        var storedWorkouts = await db.WhoopWorkouts.Where(w => workoutIds.Contains(w.WorkoutId!)).ToDictionaryAsync(w => w.WorkoutId!, ct);
        foreach (var record in workouts)
        {
            WhoopRecordMapper.Apply(Upsert(db.WhoopWorkouts, storedWorkouts, record.Id), record, now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new WhoopSyncResult(recoveries.Count, sleeps.Count, workouts.Count, cycles.Count);
    }

    // The stored row for a WHOOP id, or a new tracked one; a page may repeat a record, which then updates once more.
    private static T Upsert<T>(DbSet<T> set, Dictionary<string, T> stored, string id) where T : class, new()
    {
        if (!stored.TryGetValue(id, out var row))
        {
            row = new T();
            set.Add(row);
            stored[id] = row;
        }

        return row;
    }

    private async Task RecordStatusAsync(string syncType, string status, int records, string? error, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.WhoopSyncStatuses.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new WhoopSyncStatus();
            db.WhoopSyncStatuses.Add(row);
        }

        row.LastSyncAt = time.GetUtcNow().UtcDateTime;
        row.LastSyncType = syncType;
        row.RecordsSynced = records;
        row.Status = status;
        row.ErrorMessage = error;
        await db.SaveChangesAsync(ct);
    }
}
