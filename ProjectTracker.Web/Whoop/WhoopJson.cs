using System.Globalization;
using ProjectTracker.Domain.Whoop.Import;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Whoop;

// The old app's shapes (API_COMPAT.md) first, then the added fields. Days are "YYYY-MM-DD", timestamps ISO 8601 UTC.
internal static class Day
{
    public static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Format(DateTime? date) => date is { } d ? Format(d) : null;

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static double Whole(double? value) => Math.Round(value ?? 0, MidpointRounding.ToEven);

    public static double OneDecimal(double? value) => Math.Round(value ?? 0, 1, MidpointRounding.ToEven);

    public static double? WholeOrNull(double? value) => value is { } v ? Whole(v) : null;

    public static double? OneDecimalOrNull(double? value) => value is { } v ? OneDecimal(v) : null;
}

public sealed record RecoveryJson(
    int Id,
    string? CycleId,
    string Date,
    double? RecoveryScore,
    double? RestingHeartRate,
    double? HrvRmssd,
    double? Spo2Percentage,
    double? SkinTempCelsius,
    string RecoveryStatus,
    string? SleepId,
    string? ScoreState,
    bool? UserCalibrating,
    string? TimezoneOffset)
{
    public static RecoveryJson From(WhoopRecovery r) => new(
        r.Id, r.CycleId, Day.Format(r.Date), r.RecoveryScore, r.RestingHeartRate, r.HrvRmssd, r.Spo2Percentage,
        r.SkinTempCelsius, Domain.Whoop.RecoveryStatus.Of(r.RecoveryScore), r.SleepId, r.ScoreState, r.UserCalibrating,
        r.TimezoneOffset);
}

public sealed record SleepStagesJson(double RemMin, double DeepMin, double LightMin, double AwakeMin);

public sealed record SleepJson(
    int Id,
    string? SleepId,
    string Date,
    DateTime? StartTime,
    DateTime? EndTime,
    double TotalSleepHours,
    double? SleepPerformance,
    double? SleepEfficiency,
    double? SleepConsistency,
    SleepStagesJson Stages,
    double? RespiratoryRate,
    bool IsNap,
    double? SleepNeedHours,
    string? CycleId,
    string? ScoreState,
    string? TimezoneOffset)
{
    public static SleepJson From(WhoopSleep s) => new(
        s.Id, s.SleepId, Day.Format(s.Date), s.StartTime, s.EndTime, Day.OneDecimal(s.TotalSleepHours),
        s.SleepPerformance, s.SleepEfficiency, s.SleepConsistency,
        new SleepStagesJson(Day.Whole(s.RemSleepMin), Day.Whole(s.DeepSleepMin), Day.Whole(s.LightSleepMin), Day.Whole(s.AwakeMin)),
        s.RespiratoryRate, s.IsNap, s.SleepNeedMin is { } need ? Day.OneDecimal(need / 60) : null,
        s.CycleId, s.ScoreState, s.TimezoneOffset);
}

public sealed record WorkoutJson(
    int Id,
    string? WorkoutId,
    DateTime? StartTime,
    DateTime? EndTime,
    int? SportId,
    string? SportName,
    double? Strain,
    double? AverageHeartRate,
    double? MaxHeartRate,
    double? Calories,
    double? DistanceMeters,
    double DurationMin,
    double? Kilojoules,
    string? Date,
    string? ScoreState,
    string? TimezoneOffset)
{
    // A workout not scored (yet, or ever) has no strain or energy: null, not a 0 that reads as measured.
    public static WorkoutJson From(WhoopWorkout w) => new(
        w.Id, w.WorkoutId, w.StartTime, w.EndTime, w.SportId, w.SportName, Day.OneDecimalOrNull(w.Strain), w.AverageHeartRate,
        w.MaxHeartRate, Day.WholeOrNull(w.Kilocalories), w.DistanceMeters, Day.Whole(w.DurationMin), w.EnergyKilojoules,
        Day.Format(w.Date ?? w.StartTime), w.ScoreState, w.TimezoneOffset);
}

public sealed record CycleJson(
    int Id,
    string? CycleId,
    string? Date,
    DateTime? StartTime,
    DateTime? EndTime,
    double Strain,
    double Kilojoules,
    double? AverageHeartRate,
    double? MaxHeartRate,
    string? ScoreState,
    string? TimezoneOffset)
{
    public static CycleJson From(WhoopCycle c) => new(
        c.Id, c.CycleId, Day.Format(c.Date ?? c.StartTime), c.StartTime, c.EndTime, Day.OneDecimal(c.Strain),
        Day.Whole(c.Kilojoules), c.AverageHeartRate, c.MaxHeartRate, c.ScoreState, c.TimezoneOffset);
}

/// <summary><c>/api/whoop/status</c>: configuration and connection state. Never a token.</summary>
public sealed record WhoopStatusJson(
    bool Configured,
    bool HasAccessToken,
    bool HasRefreshToken,
    bool HasClientCredentials,
    bool Authenticated,
    string Message,
    bool Connected,
    string? WhoopUserId,
    DateTime? TokenExpiresAt,
    DateTime? LastSyncAt,
    string[] Scopes,
    bool ReconnectRequired,
    string? ConnectUrl,
    string? LastSyncStatus,
    string? LastSyncError);

/// <summary><c>POST /api/whoop/refresh</c>'s answer, as the old app gave it.</summary>
public sealed record WhoopRefreshJson(string Message, WhoopSyncedJson Synced, int PeriodDays);

public sealed record WhoopSyncedJson(int Recovery, int Sleep, int Workouts, int Cycles)
{
    public static WhoopSyncedJson From(WhoopSyncResult r) => new(r.Recovery, r.Sleep, r.Workouts, r.Cycles);
}

/// <summary>202 from a sync that runs in the background: its job and where to follow it (the GitHub refresh's shape).</summary>
public sealed record WhoopSyncStartedJson(string Message, string JobId, string Status, string CheckStatusUrl, bool Created, int PeriodDays);

/// <summary>A WHOOP sync job: its range, progress in parts of 30 days (percent with one decimal) and what it stored.</summary>
public sealed record WhoopSyncJobJson(
    string Id,
    string Status,
    string SyncType,
    string StartDate,
    string EndDate,
    int PeriodDays,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    int PartsDone,
    int PartsTotal,
    double Progress,
    WhoopSyncedJson Synced,
    int TotalRecords,
    string? ErrorMessage)
{
    public static WhoopSyncJobJson From(WhoopSyncJob j) => new(
        j.Id, j.Status, j.SyncType, Day.Format(j.FirstDay), Day.Format(j.LastDay), j.Days, j.CreatedAt, j.StartedAt,
        j.CompletedAt, j.PartsDone, j.PartsTotal, j.Progress, new WhoopSyncedJson(j.Recovery, j.Sleep, j.Workouts, j.Cycles),
        j.TotalRecords, j.ErrorMessage);
}

/// <summary>What an import added, by kind, and how many records it found already stored.</summary>
public sealed record WhoopImportJson(WhoopImportCountsJson Imported, int SkippedDuplicates)
{
    public static WhoopImportJson From(WhoopImportResult result) => new(
        new WhoopImportCountsJson(result.Cycles, result.Recoveries, result.Sleeps, result.Workouts, result.JournalAnswers), result.SkippedDuplicates);
}

public sealed record WhoopImportCountsJson(int Cycles, int Recovery, int Sleep, int Workouts, int JournalAnswers);
