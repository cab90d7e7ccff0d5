using System.Globalization;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>
/// Copies WHOOP records onto our rows: the day rules (<see cref="WhoopDays"/>), milliseconds to minutes and hours,
/// kilojoules to kilocalories. A record not scored yet (<c>PENDING_SCORE</c>) or never (<c>UNSCORABLE</c>) keeps its
/// measurements empty; a later sync of a pending record fills them in.
/// </summary>
public static class WhoopRecordMapper
{
    public const double KilojoulesPerKilocalorie = 4.184;
    private const double MillisPerMinute = 60_000;
    private const double MillisPerHour = 3_600_000;

    public static void Apply(WhoopCycle row, WhoopCycleRecord record, DateTime now)
    {
        var offset = Offset(record.TimezoneOffset);
        row.CycleId = Id(record.Id);
        row.StartTime = record.Start.UtcDateTime;
        row.EndTime = record.End?.UtcDateTime;
        row.Date = WhoopDays.AsStoredDate(WhoopDays.CycleDay(record.Start.UtcDateTime, offset));
        row.TimezoneOffset = record.TimezoneOffset;
        row.ScoreState = record.ScoreState;
        row.Strain = record.Score?.Strain;
        row.Kilojoules = record.Score?.Kilojoule;
        row.AverageHeartRate = record.Score?.AverageHeartRate;
        row.MaxHeartRate = record.Score?.MaxHeartRate;
        Stamp(row, now, r => r.CreatedAt, (r, t) => r.CreatedAt = t, (r, t) => r.UpdatedAt = t);
    }

    public static void Apply(WhoopSleep row, WhoopSleepRecord record, DateTime now)
    {
        var offset = Offset(record.TimezoneOffset);
        var stages = record.Score?.StageSummary;
        row.SleepId = record.Id;
        row.CycleId = Id(record.CycleId);
        row.Date = WhoopDays.AsStoredDate(WhoopDays.SleepDay(record.End.UtcDateTime, offset));
        row.StartTime = record.Start.UtcDateTime;
        row.EndTime = record.End.UtcDateTime;
        row.IsNap = record.Nap;
        row.TimezoneOffset = record.TimezoneOffset;
        row.ScoreState = record.ScoreState;
        row.TotalSleepHours = stages is null
            ? null
            : (stages.TotalLightSleepTimeMilli + stages.TotalSlowWaveSleepTimeMilli + stages.TotalRemSleepTimeMilli) / MillisPerHour;
        row.RemSleepMin = stages?.TotalRemSleepTimeMilli / MillisPerMinute;
        row.DeepSleepMin = stages?.TotalSlowWaveSleepTimeMilli / MillisPerMinute;
        row.LightSleepMin = stages?.TotalLightSleepTimeMilli / MillisPerMinute;
        row.AwakeMin = stages?.TotalAwakeTimeMilli / MillisPerMinute;
        row.SleepNeedMin = record.Score?.SleepNeeded.TotalMilli / MillisPerMinute;
        row.RespiratoryRate = record.Score?.RespiratoryRate;
        row.SleepPerformance = record.Score?.SleepPerformancePercentage;
        row.SleepEfficiency = record.Score?.SleepEfficiencyPercentage;
        row.SleepConsistency = record.Score?.SleepConsistencyPercentage;
        Stamp(row, now, r => r.CreatedAt, (r, t) => r.CreatedAt = t, (r, t) => r.UpdatedAt = t);
    }

    /// <summary>A recovery belongs to its sleep's day, which the caller looks up (<paramref name="sleepDay"/>).</summary>
    public static void Apply(WhoopRecovery row, WhoopRecoveryRecord record, DateOnly sleepDay, string? timezoneOffset, DateTime now)
    {
        row.CycleId = Id(record.CycleId);
        row.SleepId = record.SleepId;
        row.Date = WhoopDays.AsStoredDate(sleepDay);
        row.TimezoneOffset = timezoneOffset;
        row.ScoreState = record.ScoreState;
        row.RecoveryScore = record.Score?.RecoveryScore;
        row.RestingHeartRate = record.Score?.RestingHeartRate;
        row.HrvRmssd = record.Score?.HrvRmssdMilli;
        row.Spo2Percentage = record.Score?.Spo2Percentage;
        row.SkinTempCelsius = record.Score?.SkinTempCelsius;
        row.UserCalibrating = record.Score?.UserCalibrating;
        Stamp(row, now, r => r.CreatedAt, (r, t) => r.CreatedAt = t, (r, t) => r.UpdatedAt = t);
    }

    public static void Apply(WhoopWorkout row, WhoopWorkoutRecord record, DateTime now)
    {
        var offset = Offset(record.TimezoneOffset);
        row.WorkoutId = record.Id;
        row.StartTime = record.Start.UtcDateTime;
        row.EndTime = record.End.UtcDateTime;
        row.Date = WhoopDays.AsStoredDate(WhoopDays.WorkoutDay(record.Start.UtcDateTime, offset));
        row.TimezoneOffset = record.TimezoneOffset;
        row.SportId = record.SportId;
        row.SportName = record.SportName;
        row.ScoreState = record.ScoreState;
        row.Strain = record.Score?.Strain;
        row.AverageHeartRate = record.Score?.AverageHeartRate;
        row.MaxHeartRate = record.Score?.MaxHeartRate;
        row.Kilojoules = record.Score?.Kilojoule;
        row.Calories = record.Score?.Kilojoule / KilojoulesPerKilocalorie;
        row.DistanceMeters = record.Score?.DistanceMeter;
        row.DurationMin = (record.End - record.Start).TotalMinutes;
        Stamp(row, now, r => r.CreatedAt, (r, t) => r.CreatedAt = t, (r, t) => r.UpdatedAt = t);
    }

    private static TimeSpan Offset(string timezoneOffset) => WhoopDays.ParseOffset(timezoneOffset) ?? TimeSpan.Zero;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static void Stamp<T>(T row, DateTime now, Func<T, DateTime?> created, Action<T, DateTime> setCreated, Action<T, DateTime> setUpdated)
    {
        if (created(row) is null)
        {
            setCreated(row, now);
        }

        setUpdated(row, now);
    }
}
