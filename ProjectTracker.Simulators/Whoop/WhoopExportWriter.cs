using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Simulators.Whoop;

/// <summary>A journal answer to write into an export: the cycle it belongs to (by start), the question, yes or no, a note.</summary>
public sealed record ExportJournalAnswer(DateTimeOffset CycleStart, string Question, bool Yes, string? Note = null);

/// <summary>
/// Writes the simulator's records as the WHOOP app's data export (the zip a member asks for): the four CSV files with
/// WHOOP's column names, local times in each cycle's zone (<c>UTC-05:00</c>), kilocalories, minutes, empty cells for
/// unknowns, and the newest cycle still open. The same records the simulated API serves, so an import and a sync of
/// one account can be compared.
/// </summary>
public static class WhoopExportWriter
{
    private const double MillisPerMinute = 60_000;
    private static readonly string[] SleepColumns =
    [
        "Sleep onset", "Wake onset", "Sleep performance %", "Respiratory rate (rpm)", "Asleep duration (min)", "In bed duration (min)",
        "Light sleep duration (min)", "Deep (SWS) duration (min)", "REM duration (min)", "Awake duration (min)", "Sleep need (min)",
        "Sleep debt (min)", "Sleep efficiency %", "Sleep consistency %",
    ];

    public static byte[] Write(WhoopSimulatorState state, IEnumerable<ExportJournalAnswer>? journal = null)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var cycles = state.Cycles.Values.OrderBy(c => c.Start).ToList();
            var sleeps = state.Sleeps.Values.ToDictionary(s => s.Id);
            Entry(archive, "physiological_cycles.csv",
                ["Cycle start time", "Cycle end time", "Cycle timezone", "Recovery score %", "Resting heart rate (bpm)", "Heart rate variability (ms)",
                 "Skin temp (celsius)", "Blood oxygen %", "Day Strain", "Energy burned (cal)", "Max HR (bpm)", "Average HR (bpm)", .. SleepColumns],
                cycles.Select(c => CycleRow(c, state.Recoveries.GetValueOrDefault(c.Id), sleeps)));
            Entry(archive, "sleeps.csv", ["Cycle start time", "Cycle end time", "Cycle timezone", .. SleepColumns, "Nap"],
                state.Sleeps.Values.OrderBy(s => s.Start).Select(s => SleepRow(s, state.Cycles.GetValueOrDefault(s.CycleId))));
            Entry(archive, "workouts.csv",
                ["Cycle start time", "Cycle end time", "Cycle timezone", "Workout start time", "Workout end time", "Duration (min)", "Activity name",
                 "Activity Strain", "Energy burned (cal)", "Max HR (bpm)", "Average HR (bpm)", "GPS enabled", "Distance (meters)"],
                state.Workouts.Values.OrderBy(w => w.Start).Select(w => WorkoutRow(w, cycles)));
            Entry(archive, "journal_entries.csv", ["Cycle start time", "Cycle end time", "Cycle timezone", "Question text", "Answered yes", "Notes"],
                (journal ?? []).Select(a => JournalRow(a, cycles)));
        }

        return zip.ToArray();
    }

    private static void Entry(ZipArchive archive, string name, string[] header, IEnumerable<string?[]> rows)
    {
        using var stream = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader(header);
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell);
            }

            csv.EndRecord();
        }
    }

    private static string?[] CycleRow(WhoopCycleRecord c, WhoopRecoveryRecord? recovery, Dictionary<string, WhoopSleepRecord> sleeps)
    {
        var r = recovery?.Score;
        var sleep = recovery is not null && sleeps.TryGetValue(recovery.SleepId, out var s) ? s : null;
        return
        [
            Local(c.Start, c.TimezoneOffset), c.End is { } end ? Local(end, c.TimezoneOffset) : null, Zone(c.TimezoneOffset),
            Number(r?.RecoveryScore), Number(r?.RestingHeartRate), Number(r?.HrvRmssdMilli), Number(r?.SkinTempCelsius), Number(r?.Spo2Percentage),
            Number(c.Score?.Strain), Number(c.Score?.Kilojoule / WhoopRecordMapper.KilojoulesPerKilocalorie), Number(c.Score?.MaxHeartRate), Number(c.Score?.AverageHeartRate),
            .. SleepCells(sleep),
        ];
    }

    private static string?[] SleepRow(WhoopSleepRecord s, WhoopCycleRecord? cycle) =>
    [
        cycle is null ? null : Local(cycle.Start, cycle.TimezoneOffset), cycle?.End is { } end ? Local(end, s.TimezoneOffset) : null,
        Zone(s.TimezoneOffset), .. SleepCells(s), s.Nap ? "true" : "false",
    ];

    private static string?[] SleepCells(WhoopSleepRecord? s)
    {
        if (s is null)
        {
            return new string?[SleepColumns.Length];
        }

        var stages = s.Score?.StageSummary;
        return
        [
            Local(s.Start, s.TimezoneOffset), Local(s.End, s.TimezoneOffset), Number(s.Score?.SleepPerformancePercentage), Number(s.Score?.RespiratoryRate),
            Minutes(stages is null ? null : stages.TotalLightSleepTimeMilli + stages.TotalSlowWaveSleepTimeMilli + stages.TotalRemSleepTimeMilli),
            Minutes(stages?.TotalInBedTimeMilli), Minutes(stages?.TotalLightSleepTimeMilli), Minutes(stages?.TotalSlowWaveSleepTimeMilli),
            Minutes(stages?.TotalRemSleepTimeMilli), Minutes(stages?.TotalAwakeTimeMilli), Minutes(s.Score?.SleepNeeded.TotalMilli),
            Minutes(s.Score?.SleepNeeded.NeedFromSleepDebtMilli), Number(s.Score?.SleepEfficiencyPercentage), Number(s.Score?.SleepConsistencyPercentage),
        ];
    }

    private static string?[] WorkoutRow(WhoopWorkoutRecord w, List<WhoopCycleRecord> cycles)
    {
        var cycle = cycles.LastOrDefault(c => c.Start <= w.Start);
        return
        [
            cycle is null ? null : Local(cycle.Start, w.TimezoneOffset), cycle?.End is { } end ? Local(end, w.TimezoneOffset) : null, Zone(w.TimezoneOffset),
            Local(w.Start, w.TimezoneOffset), Local(w.End, w.TimezoneOffset), Number((w.End - w.Start).TotalMinutes),
            // The app writes sports capitalised ("Running"); the API in lower case.
            w.SportName is { Length: > 0 } sport ? char.ToUpperInvariant(sport[0]) + sport[1..] : null,
            Number(w.Score?.Strain), Number(w.Score?.Kilojoule / WhoopRecordMapper.KilojoulesPerKilocalorie), Number(w.Score?.MaxHeartRate), Number(w.Score?.AverageHeartRate),
            w.Score?.DistanceMeter is null ? "false" : "true", Number(w.Score?.DistanceMeter),
        ];
    }

    private static string?[] JournalRow(ExportJournalAnswer a, List<WhoopCycleRecord> cycles)
    {
        var cycle = cycles.FirstOrDefault(c => c.Start == a.CycleStart)
            ?? throw new ArgumentException($"No cycle starts at {a.CycleStart:O}.", nameof(a));
        return
        [
            Local(cycle.Start, cycle.TimezoneOffset), cycle.End is { } end ? Local(end, cycle.TimezoneOffset) : null, Zone(cycle.TimezoneOffset),
            a.Question, a.Yes ? "true" : "false", a.Note,
        ];
    }

    private static string Local(DateTimeOffset time, string offset) =>
        time.ToOffset(WhoopDays.ParseOffset(offset) ?? TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Zone(string offset) => "UTC" + offset;

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Minutes(long? millis) => Number(millis / MillisPerMinute);
}
