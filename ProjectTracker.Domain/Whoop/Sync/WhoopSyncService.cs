using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop.Import;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>
/// Syncs cycles, sleeps, recoveries and workouts for a span of time, newest first, reading each collection's pages in
/// turn (WHOOP lists newest first) and writing in parts of <see cref="ChunkDays"/> days: a part is upserted on WHOOP's
/// ids in one transaction of its own as soon as every collection has been read past its first day. So a backfill sends
/// one request per page of each collection — never a part-filled page per part — and a failure still keeps the parts
/// already written, never writes half a part, and records in <c>whoop_sync_status</c> which days are missing; the next
/// sync widens its range to fetch them. The outcome goes to <c>whoop_sync_status</c>.
/// </summary>
public sealed class WhoopSyncService(
    IDbContextFactory<TrackerDbContext> contexts, WhoopApiClient api, TimeProvider time, ILogger<WhoopSyncService> logger)
{
    /// <summary>The days of one part: what a failure can cost to fetch again, and the unit of a job's progress.</summary>
    public const int ChunkDays = 30;

    // Records are filed by local day; a day's records can start up to 14 h either side of its UTC midnight.
    private static readonly TimeSpan TimeZoneMargin = TimeSpan.FromHours(14);

    /// <summary>What <c>whoop_sync_status</c> records as unread; <see cref="None"/> clears it.</summary>
    private sealed record MissingSpan(DateTime? From, DateTime? Until)
    {
        public static readonly MissingSpan None = new(null, null);
    }

    /// <param name="progress">Told before the first part and after each committed one.</param>
    public async Task<WhoopSyncResult> SyncDaysAsync(
        Time.DateRange days, string accessToken, string syncType, CancellationToken ct, Func<WhoopSyncProgress, Task>? progress = null)
    {
        if (await ReadMissingAsync(ct) is { } missing)
        {
            var from = DateOnly.FromDateTime(missing.From) < days.Start ? DateOnly.FromDateTime(missing.From) : days.Start;
            var to = DateOnly.FromDateTime(missing.Until) > days.End ? DateOnly.FromDateTime(missing.Until) : days.End;
            days = new Time.DateRange(from, to);
        }

        // Each part's first moment, newest part first; the oldest part takes everything left.
        var cuts = new List<DateTimeOffset>();
        for (var end = days.End; end >= days.Start; end = end.AddDays(-ChunkDays))
        {
            var first = end.AddDays(1 - ChunkDays) > days.Start ? end.AddDays(1 - ChunkDays) : days.Start;
            cuts.Add(first == days.Start ? DateTimeOffset.MinValue : new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }

        var until = new DateTimeOffset(days.Until, TimeSpan.Zero) + TimeZoneMargin;
        var now = time.GetUtcNow();
        var read = new ReadRange(new DateTimeOffset(days.From, TimeSpan.Zero) - TimeZoneMargin, until < now ? until : now, accessToken);
        return await SyncPartsAsync(days, read, cuts, syncType, ct, progress ?? (_ => Task.CompletedTask));
    }

    /// <summary>Records a sync that failed before WHOOP's data was read (its token could not be renewed).</summary>
    public Task RecordFailureAsync(string syncType, string error) =>
        RecordStatusAsync(syncType, "failed", 0, error, missing: null, CancellationToken.None);

    private sealed record ReadRange(DateTimeOffset Start, DateTimeOffset End, string AccessToken);

    // Newest first, each part committed on its own: an outage late in a long backfill keeps the recent days.
    private async Task<WhoopSyncResult> SyncPartsAsync(
        Time.DateRange days, ReadRange range, List<DateTimeOffset> cuts, string syncType, CancellationToken ct, Func<WhoopSyncProgress, Task> progress)
    {
        var total = new WhoopSyncResult(0, 0, 0, 0);
        var started = time.GetTimestamp();
        var requestsBefore = api.RequestsSent;
        var partsDone = 0;
        await progress(new WhoopSyncProgress(0, cuts.Count, total));

        var collections = new CollectionReaders();
        try
        {
            while (partsDone < cuts.Count)
            {
                var horizon = collections.Horizon;
                if (cuts[partsDone] < horizon)
                {
                    await collections.ReadPageHoldingUpAsync(horizon, api, range, ct);
                    continue;
                }

                var part = await StorePartAsync(collections, cuts[partsDone], ct);
                total = new WhoopSyncResult(
                    total.Recovery + part.Recovery, total.Sleep + part.Sleep, total.Workouts + part.Workouts, total.Cycles + part.Cycles);
                partsDone++;
                await progress(new WhoopSyncProgress(partsDone, cuts.Count, total));
            }
        }
        catch (WhoopApiException e)
        {
            // This part and every older one were not written.
            var missing = new MissingSpan(range.Start.UtcDateTime, (partsDone == 0 ? range.End : cuts[partsDone - 1] + TimeZoneMargin).UtcDateTime);
            await RecordStatusAsync(syncType, "failed", total.Total, e.Message, missing, CancellationToken.None);
            logger.LogWarning(
                "WHOOP sync ({SyncType}) failed after {PartsDone} of {Parts} parts, keeping {Records} records; {Requests} requests: {Message}",
                syncType, partsDone, cuts.Count, total.Total, api.RequestsSent - requestsBefore, e.Message);
            throw;
        }

        await RecordCompletedAsync(days, syncType, cuts.Count, total, started, requestsBefore);
        return total;
    }

    /// <summary>Upserts the records read that start at or after <paramref name="cut"/>: one part, in its own transaction.</summary>
    private Task<WhoopSyncResult> StorePartAsync(CollectionReaders collections, DateTimeOffset cut, CancellationToken ct) =>
        StoreAsync(collections.Cycles.Take(cut), collections.Sleeps.Take(cut), collections.Recoveries.Take(cut), collections.Workouts.Take(cut), ct);

    private async Task RecordCompletedAsync(
        Time.DateRange days, string syncType, int parts, WhoopSyncResult total, long started, long requestsBefore)
    {
        await RecordStatusAsync(syncType, "completed", total.Total, null, MissingSpan.None, CancellationToken.None);
        // The request count is this process's, so a webhook read during the sync is in it too.
        logger.LogInformation(
            "WHOOP sync ({SyncType}) completed in {Seconds:0.0} s: {Records} records ({Recovery} recoveries, {Sleep} sleeps, {Workouts} workouts, {Cycles} cycles) from {From:yyyy-MM-dd} to {Until:yyyy-MM-dd} in {Parts} parts; {Requests} requests",
            syncType, time.GetElapsedTime(started).TotalSeconds, total.Total, total.Recovery, total.Sleep, total.Workouts, total.Cycles,
            days.Start, days.End, parts,
            api.RequestsSent - requestsBefore);
    }

    /// <summary>The four collections, read side by side until every one has passed the next part's first moment.</summary>
    private sealed class CollectionReaders
    {
        // A recovery is listed by its sleep's start, which the sleeps read so far give.
        private readonly Dictionary<string, DateTimeOffset> _sleepStarts = new();

        public CollectionReaders() =>
            Recoveries = new CollectionReader<WhoopRecoveryRecord>(WhoopApiClient.Recoveries,
                r => _sleepStarts.TryGetValue(r.SleepId, out var start) ? start : null, r => r.CycleId.ToString());

        public CollectionReader<WhoopCycleRecord> Cycles { get; } = new(WhoopApiClient.Cycles, c => c.Start, c => c.Id.ToString());
        public CollectionReader<WhoopSleepRecord> Sleeps { get; } = new(WhoopApiClient.Sleeps, s => s.Start, s => s.Id);
        public CollectionReader<WhoopRecoveryRecord> Recoveries { get; }
        public CollectionReader<WhoopWorkoutRecord> Workouts { get; } = new(WhoopApiClient.Workouts, w => w.Start, w => w.Id);

        /// <summary>
        /// Every record at or after the horizon has been read in all four collections. A recovery whose sleep is not read
        /// yet started before the sleeps' frontier, so it never holds the horizon up on its own.
        /// </summary>
        public DateTimeOffset Horizon =>
            new[] { Cycles.Frontier, Sleeps.Frontier, Workouts.Frontier, Recoveries.FrontierOr(Sleeps.Frontier) }.Max();

        /// <summary>The next page of a collection holding the horizon up (an unread one holds it at the top).</summary>
        public async Task ReadPageHoldingUpAsync(DateTimeOffset horizon, WhoopApiClient api, ReadRange range, CancellationToken ct)
        {
            if (Cycles.Frontier == horizon)
            {
                await Cycles.ReadPageAsync(api, range, ct);
            }
            else if (Sleeps.Frontier == horizon)
            {
                foreach (var sleep in await Sleeps.ReadPageAsync(api, range, ct))
                {
                    _sleepStarts[sleep.Id] = sleep.Start;
                }
            }
            else if (Workouts.Frontier == horizon)
            {
                await Workouts.ReadPageAsync(api, range, ct);
            }
            else
            {
                await Recoveries.ReadPageAsync(api, range, ct);
            }
        }
    }

    /// <summary>
    /// One collection read page by page over the whole range, newest first, and what was read but not yet stored. Its
    /// frontier is the start of the oldest record on its last page: every record starting at or after it has been read.
    /// </summary>
    private sealed class CollectionReader<T>(string collection, Func<T, DateTimeOffset?> start, Func<T, string> id)
    {
        private readonly List<T> _unstored = [];
        private readonly HashSet<string> _seen = [];
        private IReadOnlyList<T> _lastPage = [];
        private string? _nextToken;
        private bool _read;

        /// <summary>Unread: the top (nothing is known yet); read to the end: the bottom.</summary>
        public DateTimeOffset Frontier => FrontierOr(DateTimeOffset.MaxValue);

        /// <summary>The frontier, where a record on the last page has no known start yet taken as <paramref name="unknown"/>.</summary>
        public DateTimeOffset FrontierOr(DateTimeOffset unknown) =>
            !_read ? DateTimeOffset.MaxValue
            : _nextToken is null ? DateTimeOffset.MinValue
            : _lastPage.Select(r => start(r) ?? unknown).DefaultIfEmpty(DateTimeOffset.MinValue).Min();

        /// <summary>Reads the next page; a record a shifting page repeats is kept once.</summary>
        public async Task<IReadOnlyList<T>> ReadPageAsync(WhoopApiClient api, ReadRange range, CancellationToken ct)
        {
            var page = await api.GetPageAsync<T>(collection, range.Start, range.End, _nextToken, range.AccessToken, ct);
            _lastPage = page.Records!;
            _nextToken = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
            _read = true;
            _unstored.AddRange(_lastPage.Where(r => _seen.Add(id(r))));
            return _lastPage;
        }

        /// <summary>The records read that start at or after <paramref name="cut"/>, no longer kept here (all of them at the bottom).</summary>
        public List<T> Take(DateTimeOffset cut)
        {
            bool InPart(T record) => cut == DateTimeOffset.MinValue || start(record) >= cut;
            var taken = _unstored.Where(InPart).ToList();
            _unstored.RemoveAll(InPart);
            return taken;
        }
    }

    private async Task<(DateTime From, DateTime Until)?> ReadMissingAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.WhoopSyncStatuses.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        return row is { MissingFrom: { } from, MissingUntil: { } until } ? (from, until) : null;
    }

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
        if (cycles.Count + sleeps.Count + recoveries.Count + workouts.Count == 0)
        {
            return new WhoopSyncResult(0, 0, 0, 0); // a part before the account began: nothing to write, no transaction
        }

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
        await AdoptImportedAsync(storedCycles, cycles.Select(c => (c.Id.ToString(), c.Start.UtcDateTime)), c => c.StartTime, (from, until) =>
            db.WhoopCycles.Where(c => c.CycleId!.StartsWith(WhoopImportIds.Prefix) && c.StartTime >= from && c.StartTime <= until).ToListAsync(ct));
        foreach (var record in cycles)
        {
            WhoopRecordMapper.Apply(Upsert(db.WhoopCycles, storedCycles, record.Id.ToString()), record, now);
        }

        var sleepIds = sleeps.Select(s => s.Id).ToList();
        var storedSleeps = await db.WhoopSleeps.Where(s => sleepIds.Contains(s.SleepId!)).ToDictionaryAsync(s => s.SleepId!, ct);
        await AdoptImportedAsync(storedSleeps, sleeps.Select(s => (s.Id, s.Start.UtcDateTime)), s => s.StartTime, (from, until) =>
            db.WhoopSleeps.Where(s => s.SleepId!.StartsWith(WhoopImportIds.Prefix) && s.StartTime >= from && s.StartTime <= until).ToListAsync(ct));
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
        var placed = recoveries.Select(record =>
        {
            var cycleId = record.CycleId.ToString();
            var (date, offset) = sleepDays.TryGetValue(record.SleepId, out var sleep) ? sleep
                : cycleDays.TryGetValue(cycleId, out var cycle) ? cycle
                : (DateTime.SpecifyKind(record.CreatedAt.UtcDateTime.Date, DateTimeKind.Utc), null);
            return (Record: record, CycleId: cycleId, Day: DateOnly.FromDateTime(date ?? record.CreatedAt.UtcDateTime), Offset: offset);
        }).ToList();
        // An imported recovery is its day's: the export names no cycle WHOOP's API knows.
        await AdoptImportedAsync(storedRecoveries, placed.Select(p => (p.CycleId, WhoopDays.AsStoredDate(p.Day))), r => r.Date, (from, until) =>
            db.WhoopRecoveries.Where(r => r.CycleId!.StartsWith(WhoopImportIds.Prefix) && r.Date >= from && r.Date <= until).ToListAsync(ct));
        foreach (var (record, cycleId, day, offset) in placed)
        {
            WhoopRecordMapper.Apply(Upsert(db.WhoopRecoveries, storedRecoveries, cycleId), record, day, offset, now);
        }

        var workoutIds = workouts.Select(w => w.Id).ToList();
        var storedWorkouts = await db.WhoopWorkouts.Where(w => workoutIds.Contains(w.WorkoutId!)).ToDictionaryAsync(w => w.WorkoutId!, ct);
        await AdoptImportedAsync(storedWorkouts, workouts.Select(w => (w.Id, w.Start.UtcDateTime)), w => w.StartTime, (from, until) =>
            db.WhoopWorkouts.Where(w => w.WorkoutId!.StartsWith(WhoopImportIds.Prefix) && w.StartTime >= from && w.StartTime <= until).ToListAsync(ct));
        foreach (var record in workouts)
        {
            WhoopRecordMapper.Apply(Upsert(db.WhoopWorkouts, storedWorkouts, record.Id), record, now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new WhoopSyncResult(recoveries.Count, sleeps.Count, workouts.Count, cycles.Count);
    }

    /// <summary>
    /// Rows imported from the member's data export carry no WHOOP id (<see cref="WhoopImportIds"/>). A record WHOOP sends
    /// that starts within the same minute (a recovery: on the same day) is that row: the sync takes it over, writing
    /// WHOOP's id and figures over it, so there is one record, never two.
    /// </summary>
    private static async Task AdoptImportedAsync<T>(
        Dictionary<string, T> stored, IEnumerable<(string Id, DateTime Start)> records, Func<T, DateTime?> start,
        Func<DateTime, DateTime, Task<List<T>>> importedBetween)
    {
        var missing = records.Where(r => !stored.ContainsKey(r.Id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var imported = await importedBetween(missing.Min(r => r.Start).AddMinutes(-1), missing.Max(r => r.Start).AddMinutes(1));
        foreach (var (id, recordStart) in missing)
        {
            if (imported.FirstOrDefault(row => start(row) is { } s && WhoopImportIds.SameStart(s, recordStart)) is { } row)
            {
                stored[id] = row;
                imported.Remove(row);
            }
        }
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

    /// <param name="missing">
    /// The span a failed sync left unread; <see cref="MissingSpan.None"/> after a completed sync (it always covered what
    /// was missing); null keeps what was recorded (a failure before anything was read).
    /// </param>
    private async Task RecordStatusAsync(string syncType, string status, int records, string? error, MissingSpan? missing, CancellationToken ct)
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
        if (missing is not null)
        {
            (row.MissingFrom, row.MissingUntil) = (missing.From, missing.Until);
        }

        await db.SaveChangesAsync(ct);
    }
}
