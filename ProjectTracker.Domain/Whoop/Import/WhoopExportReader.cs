using System.IO.Compression;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Domain.Whoop.Import;

/// <summary>
/// Reads the zip the WHOOP app mails a member who asks for their data: <c>physiological_cycles.csv</c>,
/// <c>sleeps.csv</c>, <c>workouts.csv</c> and, when the member kept a journal, <c>journal_entries.csv</c>, wherever they
/// sit in the zip. Each file streams through CsvHelper, counted against <see cref="WhoopExportLimits"/>; entries whose
/// names climb out of the zip (<c>..</c>, absolute paths) are refused before anything is read.
/// </summary>
public static class WhoopExportReader
{
    public const string CyclesFile = "physiological_cycles.csv";
    public const string SleepsFile = "sleeps.csv";
    public const string WorkoutsFile = "workouts.csv";
    public const string JournalFile = "journal_entries.csv";

    private const double MillisPerMinute = 60_000;
    private const string Scored = WhoopScoreState.Scored, Pending = WhoopScoreState.Pending;

    /// <param name="zip">The upload, seekable (a zip's directory is at its end).</param>
    public static WhoopExport Read(Stream zip)
    {
        using var archive = Open(zip);
        var entries = Entries(archive);
        var budget = new InflationBudget();
        ExportCsv Csv(string file, params string[] required) =>
            entries.TryGetValue(file, out var entry)
                ? new ExportCsv(new InflationGuard(entry.Open(), budget, file), file, required)
                : throw new WhoopImportException($"The export has no {file}; is it the zip the WHOOP app mailed?", file);

        List<ImportedCycle> cycles;
        using (var csv = Csv(CyclesFile, "Cycle start time", "Cycle timezone"))
        {
            cycles = ReadAll(csv, ReadCycle);
        }

        List<WhoopSleepRecord> sleeps;
        using (var csv = Csv(SleepsFile, "Cycle timezone", "Sleep onset", "Wake onset"))
        {
            sleeps = ReadAll(csv, ReadSleep);
        }

        List<WhoopWorkoutRecord> workouts;
        using (var csv = Csv(WorkoutsFile, "Cycle timezone", "Workout start time", "Workout end time", "Activity name"))
        {
            workouts = ReadAll(csv, ReadWorkout);
        }

        List<JournalAnswer> journal = [];
        if (entries.ContainsKey(JournalFile))
        {
            using var csv = Csv(JournalFile, "Cycle start time", "Cycle timezone", "Question text", "Answered yes");
            journal = ReadAll(csv, ReadAnswer);
        }

        return new WhoopExport(cycles, sleeps, workouts, journal);
    }

    private static ZipArchive Open(Stream zip)
    {
        try
        {
            return new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new WhoopImportException("The file is not a zip: upload the zip the WHOOP app mailed, as it came.");
        }
    }

    // The export's files by name; a zip may hold them in a folder, never outside it.
    private static Dictionary<string, ZipArchiveEntry> Entries(ZipArchive archive)
    {
        var files = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (name.StartsWith('/') || name.Split('/').Contains("..") || (name.Length > 1 && name[1] == ':'))
            {
                throw new WhoopImportException($"The zip has an entry named \"{entry.FullName}\", outside the export; it was not read.", entry.FullName);
            }

            if (entry.Length > WhoopExportLimits.MaxInflatedBytes)
            {
                throw new WhoopImportException(
                    $"{entry.Name} says it inflates to {entry.Length / (1024 * 1024):N0} MB, over the {WhoopExportLimits.MaxInflatedBytes / (1024 * 1024)} MB "
                    + "an import may hold; a WHOOP export is far smaller.", entry.Name, tooLarge: true);
            }

            if (entry.Name.Length > 0)
            {
                files.TryAdd(entry.Name, entry);
            }
        }

        return files;
    }

    private static List<T> ReadAll<T>(ExportCsv csv, Func<ExportCsv, T?> read) where T : class
    {
        var rows = new List<T>();
        while (csv.Read())
        {
            if (read(csv) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static ImportedCycle ReadCycle(ExportCsv csv)
    {
        var (offset, zone) = csv.Zone("Cycle timezone");
        var start = csv.RequiredTime("Cycle start time", offset);
        var end = csv.Time("Cycle end time", offset);
        var strain = csv.Number("Day Strain");
        var kilocalories = csv.Number("Energy burned (cal)");
        var score = strain is { } s
            ? new WhoopCycleScore(s, (kilocalories ?? 0) * Sync.WhoopRecordMapper.KilojoulesPerKilocalorie, csv.Number("Average HR (bpm)") ?? 0, csv.Number("Max HR (bpm)") ?? 0)
            : null;
        var cycle = new WhoopCycleRecord(0, 0, start, start, start, end, zone, score is null ? Pending : Scored, score);
        var recoveryScore = csv.Number("Recovery score %");
        var recovery = recoveryScore is { } r
            ? new WhoopRecoveryRecord(0, "", 0, start, start, Scored, new WhoopRecoveryScore(
                false, r, csv.Number("Resting heart rate (bpm)") ?? 0, csv.Number("Heart rate variability (ms)") ?? 0,
                csv.Number("Blood oxygen %"), csv.Number("Skin temp (celsius)")))
            : null;
        return new ImportedCycle(cycle, recovery, csv.Time("Sleep onset", offset), csv.Time("Wake onset", offset));
    }

    private static WhoopSleepRecord ReadSleep(ExportCsv csv)
    {
        var (offset, zone) = csv.Zone("Cycle timezone");
        var start = csv.RequiredTime("Sleep onset", offset);
        var end = csv.RequiredTime("Wake onset", offset);
        if (end < start)
        {
            throw csv.Fault("Wake onset", "is before the sleep onset");
        }

        var (light, deep, rem) = (csv.Number("Light sleep duration (min)"), csv.Number("Deep (SWS) duration (min)"), csv.Number("REM duration (min)"));
        WhoopSleepScore? score = null;
        if (light is not null && deep is not null && rem is not null)
        {
            var stages = new WhoopSleepStageSummary(
                Millis(csv.Number("In bed duration (min)")), Millis(csv.Number("Awake duration (min)")), 0, Millis(light), Millis(deep), Millis(rem), 0, 0);
            score = new WhoopSleepScore(
                stages, new WhoopSleepNeeded(Millis(csv.Number("Sleep need (min)")), 0, 0, 0), csv.Number("Respiratory rate (rpm)"),
                csv.Number("Sleep performance %"), csv.Number("Sleep consistency %"), csv.Number("Sleep efficiency %"));
        }

        return new WhoopSleepRecord(
            WhoopImportIds.Of(start), 0, 0, start, start, start, end, zone, csv.Boolean("Nap") ?? false, score is null ? Pending : Scored, score);
    }

    private static WhoopWorkoutRecord ReadWorkout(ExportCsv csv)
    {
        var (offset, zone) = csv.Zone("Cycle timezone");
        var start = csv.RequiredTime("Workout start time", offset);
        var end = csv.RequiredTime("Workout end time", offset);
        if (end < start)
        {
            throw csv.Fault("Workout end time", "is before the workout's start");
        }

        // The API spells sports in lower case ("running"); the export capitalises them.
        var sport = csv.RequiredText("Activity name").ToLowerInvariant();
        var strain = csv.Number("Activity Strain");
        var score = strain is { } s
            ? new WhoopWorkoutScore(
                s, csv.Number("Average HR (bpm)") ?? 0, csv.Number("Max HR (bpm)") ?? 0,
                (csv.Number("Energy burned (cal)") ?? 0) * Sync.WhoopRecordMapper.KilojoulesPerKilocalorie, null,
                csv.Number("Distance (meters)"), csv.Number("Altitude gain (meters)"), csv.Number("Altitude change (meters)"))
            : null;
        return new WhoopWorkoutRecord(
            WhoopImportIds.Of(start), 0, start, start, start, end, zone, sport[..Math.Min(sport.Length, 100)], score is null ? Pending : Scored, score, null);
    }

    private static JournalAnswer ReadAnswer(ExportCsv csv)
    {
        var (offset, _) = csv.Zone("Cycle timezone");
        var start = csv.RequiredTime("Cycle start time", offset);
        var question = csv.RequiredText("Question text");
        var yes = csv.Boolean("Answered yes") ?? throw csv.Fault("Answered yes", "is empty");
        var note = csv.Text("Notes");
        return new JournalAnswer(
            WhoopDays.CycleDay(start.UtcDateTime, offset), question[..Math.Min(question.Length, Days.DayTag.MaxNameLength)], yes,
            note?[..Math.Min(note.Length, Days.DayTag.MaxNoteLength)]);
    }

    private static long Millis(double? minutes) => (long)Math.Round((minutes ?? 0) * MillisPerMinute);
}
