using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Domain.Whoop.Import;

/// <summary>
/// What a WHOOP data export holds, as the API's own records (so an import goes through the same mapping and day rules
/// as a sync), with no WHOOP ids: the export has none. <see cref="WhoopImportIds"/> stands in for them.
/// </summary>
public sealed record WhoopExport(
    IReadOnlyList<ImportedCycle> Cycles, IReadOnlyList<WhoopSleepRecord> Sleeps, IReadOnlyList<WhoopWorkoutRecord> Workouts,
    IReadOnlyList<JournalAnswer> Journal);

/// <summary>A cycle, its recovery when it was scored, and the start of that night's sleep (the recovery's sleep).</summary>
public sealed record ImportedCycle(WhoopCycleRecord Cycle, WhoopRecoveryRecord? Recovery, DateTimeOffset? SleepStart, DateTimeOffset? WakeUp);

/// <summary>One answer of WHOOP's journal, on its cycle's local day.</summary>
public sealed record JournalAnswer(DateOnly Day, string Question, bool Yes, string? Note);

/// <summary>
/// The ids imported rows carry in place of WHOOP's: <c>export-</c> and the UTC start to the minute, so that the same
/// record imported twice is found again, and a sync that brings the record with WHOOP's id adopts the row.
/// </summary>
public static class WhoopImportIds
{
    public const string Prefix = "export-";

    public static string Of(DateTimeOffset start) => Prefix + start.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsImported(string? id) => id?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The same record: starts less than a minute apart (the export writes whole seconds, the API milliseconds).</summary>
    public static bool SameStart(DateTime a, DateTime b) => Math.Abs((a - b).TotalSeconds) < 60;
}
