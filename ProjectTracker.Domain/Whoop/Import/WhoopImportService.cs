using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Domain.Whoop.Import;

/// <summary>What an import added: new records by kind, and the records it found already stored.</summary>
public sealed record WhoopImportResult(int Cycles, int Recoveries, int Sleeps, int Workouts, int JournalAnswers, int SkippedDuplicates);

/// <summary>
/// Imports a WHOOP data export in one transaction: all of it or, when any file or row is bad, nothing. Records go through
/// the sync's own mapping (<see cref="WhoopRecordMapper"/>: the same tables, units and day rules). A record whose start
/// is within a minute of a stored one is that record: a synced one (WHOOP's id) is kept as it is; an imported one is
/// brought up to date (an open cycle is closed by a later export). Journal answers become tags on their cycle's day.
/// </summary>
public sealed class WhoopImportService(IDbContextFactory<TrackerDbContext> contexts, TimeProvider time)
{
    public async Task<WhoopImportResult> ImportAsync(Stream zip, CancellationToken ct)
    {
        var export = WhoopExportReader.Read(zip);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var skipped = 0;

        var (cycleFrom, cycleUntil) = Window(export.Cycles.Select(c => c.Cycle.Start));
        var cycles = new StartIndex<WhoopCycle>(db.WhoopCycles,
            await db.WhoopCycles.Where(c => c.StartTime >= cycleFrom && c.StartTime <= cycleUntil).ToListAsync(ct), c => c.StartTime, c => c.CycleId);
        var newCycles = 0;
        var importedCycles = new List<(ImportedCycle Row, string CycleId)>();
        foreach (var imported in export.Cycles)
        {
            var (row, isNew) = cycles.Take(imported.Cycle.Start.UtcDateTime);
            if (row is null)
            {
                skipped++; // WHOOP's own copy is stored: it wins
                continue;
            }

            skipped += isNew ? 0 : 1;
            newCycles += isNew ? 1 : 0;
            WhoopRecordMapper.Apply(row, imported.Cycle, now);
            row.CycleId = WhoopImportIds.Of(imported.Cycle.Start);
            importedCycles.Add((imported, row.CycleId));
        }

        var (sleepFrom, sleepUntil) = Window(export.Sleeps.Select(s => s.Start));
        var sleeps = new StartIndex<WhoopSleep>(db.WhoopSleeps,
            await db.WhoopSleeps.Where(s => s.StartTime >= sleepFrom && s.StartTime <= sleepUntil).ToListAsync(ct), s => s.StartTime, s => s.SleepId);
        var (newSleeps, skippedSleeps) = Store(sleeps, export.Sleeps, s => s.Start, (row, record) => WhoopRecordMapper.Apply(row, record, now));
        var (workoutFrom, workoutUntil) = Window(export.Workouts.Select(w => w.Start));
        var workouts = new StartIndex<WhoopWorkout>(db.WhoopWorkouts,
            await db.WhoopWorkouts.Where(w => w.StartTime >= workoutFrom && w.StartTime <= workoutUntil).ToListAsync(ct), w => w.StartTime, w => w.WorkoutId);
        var (newWorkouts, skippedWorkouts) = Store(workouts, export.Workouts, w => w.Start, (row, record) => WhoopRecordMapper.Apply(row, record, now));
        await db.SaveChangesAsync(ct);

        var (newRecoveries, skippedRecoveries) = await StoreRecoveriesAsync(db, importedCycles, now, ct);
        var (newAnswers, skippedAnswers) = await StoreJournalAsync(db, export.Journal, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new WhoopImportResult(
            newCycles, newRecoveries, newSleeps, newWorkouts, newAnswers, skipped + skippedSleeps + skippedWorkouts + skippedRecoveries + skippedAnswers);
    }

    private static (int New, int Skipped) Store<TRow, TRecord>(
        StartIndex<TRow> index, IEnumerable<TRecord> records, Func<TRecord, DateTimeOffset> start, Action<TRow, TRecord> apply)
        where TRow : class, new()
    {
        var (added, skipped) = (0, 0);
        foreach (var record in records)
        {
            var (row, isNew) = index.Take(start(record).UtcDateTime);
            if (row is not null)
            {
                apply(row, record);
            }

            added += isNew ? 1 : 0;
            skipped += isNew ? 0 : 1;
        }

        return (added, skipped);
    }

    // A recovery is its cycle's: stored under the imported cycle's id, on the day of that night's waking up.
    private static async Task<(int New, int Skipped)> StoreRecoveriesAsync(
        TrackerDbContext db, List<(ImportedCycle Row, string CycleId)> cycles, DateTime now, CancellationToken ct)
    {
        var withRecovery = cycles.Where(c => c.Row.Recovery is not null).ToList();
        var ids = withRecovery.Select(c => c.CycleId).ToList();
        var stored = await db.WhoopRecoveries.Where(r => ids.Contains(r.CycleId!)).ToDictionaryAsync(r => r.CycleId!, ct);
        var days = withRecovery.Select(c => WhoopDays.AsStoredDate(RecoveryDay(c.Row))).ToList();
        var synced = (await db.WhoopRecoveries.Where(r => days.Contains(r.Date)).Select(r => new { r.Date, r.CycleId }).ToListAsync(ct))
            .Where(r => !WhoopImportIds.IsImported(r.CycleId)).Select(r => r.Date).ToHashSet();
        var (added, skipped) = (0, 0);
        foreach (var (cycle, cycleId) in withRecovery)
        {
            var day = RecoveryDay(cycle);
            if (synced.Contains(WhoopDays.AsStoredDate(day)))
            {
                skipped++; // the day's recovery came from WHOOP's API
                continue;
            }

            if (!stored.TryGetValue(cycleId, out var row))
            {
                row = new WhoopRecovery();
                db.WhoopRecoveries.Add(row);
                stored[cycleId] = row;
                added++;
            }
            else
            {
                skipped++;
            }

            WhoopRecordMapper.Apply(row, cycle.Recovery!, day, cycle.Cycle.TimezoneOffset, now);
            row.CycleId = cycleId;
            row.SleepId = cycle.SleepStart is { } sleep ? WhoopImportIds.Of(sleep) : null;
        }

        return (added, skipped);
    }

    private static DateOnly RecoveryDay(ImportedCycle cycle)
    {
        var offset = WhoopDays.ParseOffset(cycle.Cycle.TimezoneOffset) ?? TimeSpan.Zero;
        return cycle.WakeUp is { } wake
            ? WhoopDays.SleepDay(wake.UtcDateTime, offset)
            : WhoopDays.CycleDay(cycle.Cycle.Start.UtcDateTime, offset);
    }

    // New answers are written in bulk (a five-year journal is 40,000 rows); the few that change are updated through EF.
    private static async Task<(int New, int Skipped)> StoreJournalAsync(TrackerDbContext db, IReadOnlyList<JournalAnswer> answers, DateTime now, CancellationToken ct)
    {
        if (answers.Count == 0)
        {
            return (0, 0);
        }

        var (from, until) = (WhoopDays.AsStoredDate(answers.Min(a => a.Day)), WhoopDays.AsStoredDate(answers.Max(a => a.Day)));
        var stored = (await db.DayTags.Where(t => t.Source == DayTag.JournalSource && t.Date >= from && t.Date <= until).ToListAsync(ct))
            .ToDictionary(t => (t.Date, t.Name));
        var added = new Dictionary<(DateTime, string), DayTag>();
        var (changed, skipped) = (0, 0);
        foreach (var answer in answers)
        {
            var key = (WhoopDays.AsStoredDate(answer.Day), answer.Question);
            if (stored.TryGetValue(key, out var tag))
            {
                var same = tag.Answer == answer.Yes && tag.Note == answer.Note;
                (skipped, changed) = same ? (skipped + 1, changed) : (skipped, changed + 1);
                (tag.Answer, tag.Note, tag.UpdatedAt) = same ? (tag.Answer, tag.Note, tag.UpdatedAt) : (answer.Yes, answer.Note, now);
            }
            else
            {
                // A question answered twice on one day in the same file: the later answer stands.
                added[key] = new DayTag
                {
                    Date = key.Item1, Name = answer.Question, Source = DayTag.JournalSource, Answer = answer.Yes, Note = answer.Note,
                    CreatedAt = now, UpdatedAt = now,
                };
            }
        }

        await DayTagBulkInsert.InsertAsync(db, [.. added.Values], ct);
        return (added.Count + changed, skipped);
    }

    /// <summary>The span the stored rows a record may match lie in: its starts, a minute either way (empty when none).</summary>
    private static (DateTime From, DateTime Until) Window(IEnumerable<DateTimeOffset> starts)
    {
        var times = starts.Select(s => s.UtcDateTime).ToList();
        return times.Count == 0 ? (DateTime.MaxValue, DateTime.MinValue) : (times.Min().AddMinutes(-1), times.Max().AddMinutes(1));
    }

    /// <summary>The stored rows of one kind by start: the row an imported record is, if any, or a new one.</summary>
    private sealed class StartIndex<T> where T : class, new()
    {
        private readonly DbSet<T> _set;
        private readonly Func<T, string?> _id;
        private readonly Dictionary<long, List<(DateTime Start, T Row)>> _byMinute = [];

        public StartIndex(DbSet<T> set, List<T> stored, Func<T, DateTime?> start, Func<T, string?> id)
        {
            (_set, _id) = (set, id);
            foreach (var row in stored)
            {
                if (start(row) is { } s)
                {
                    Add(s, row);
                }
            }
        }

        /// <summary>The row to write (null when WHOOP's own copy is stored and wins), and whether it is new.</summary>
        public (T? Row, bool IsNew) Take(DateTime startUtc)
        {
            // Within a minute either way: this minute's rows and its neighbours'.
            var minute = Minute(startUtc);
            for (var m = minute - 1; m <= minute + 1; m++)
            {
                if (_byMinute.TryGetValue(m, out var rows) && rows.FirstOrDefault(r => WhoopImportIds.SameStart(r.Start, startUtc)) is { Row: { } same })
                {
                    return (WhoopImportIds.IsImported(_id(same)) ? same : null, false);
                }
            }

            var row = new T();
            _set.Add(row);
            Add(startUtc, row);
            return (row, true);
        }

        private void Add(DateTime start, T row)
        {
            var minute = Minute(start);
            if (!_byMinute.TryGetValue(minute, out var rows))
            {
                _byMinute[minute] = rows = [];
            }

            rows.Add((start, row));
        }

        private static long Minute(DateTime time) => time.Ticks / TimeSpan.TicksPerMinute;
    }
}
