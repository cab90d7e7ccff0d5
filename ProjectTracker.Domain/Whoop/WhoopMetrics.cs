namespace ProjectTracker.Domain.Whoop;

/// <summary>Aggregates over a range: the old app's <c>/api/whoop/metrics</c> object plus HRV and resting heart rate.</summary>
public sealed record WhoopMetrics(
    int PeriodDays,
    string StartDate,
    string EndDate,
    RecoveryMetrics Recovery,
    SleepMetrics Sleep,
    StrainMetrics Strain,
    HrvMetrics Hrv,
    RestingHeartRateMetrics RestingHeartRate)
{
    public static WhoopMetrics Compute(
        Time.DateRange range,
        IReadOnlyList<WhoopRecovery> recoveries,
        IReadOnlyList<WhoopSleep> sleeps,
        IReadOnlyList<WhoopWorkout> workouts,
        IReadOnlyList<WhoopCycle> cycles)
    {
        var scores = Values(recoveries.Select(r => r.RecoveryScore));
        var nights = sleeps.Where(s => !s.IsNap).ToList();
        var dayStrains = Values(cycles.Select(c => c.Strain));
        var hrvByDay = recoveries.Where(r => r.HrvRmssd is not null).OrderBy(r => r.Date).Select(r => r.HrvRmssd!.Value).ToList();

        return new WhoopMetrics(
            range.Days,
            range.Start.ToString("yyyy-MM-dd"),
            range.End.ToString("yyyy-MM-dd"),
            new RecoveryMetrics(
                Rounding.OneDecimalOrZero(scores),
                scores.Count == 0 ? 0 : scores.Max(),
                scores.Count == 0 ? 0 : scores.Min(),
                recoveries.Count,
                scores.Count(s => RecoveryStatus.Of(s) == RecoveryStatus.Green),
                scores.Count(s => RecoveryStatus.Of(s) == RecoveryStatus.Yellow),
                scores.Count(s => RecoveryStatus.Of(s) == RecoveryStatus.Red)),
            new SleepMetrics(
                Rounding.OneDecimalOrZero(Values(nights.Select(s => s.TotalSleepHours))),
                Rounding.OneDecimalOrZero(Values(nights.Select(s => s.SleepPerformance))),
                nights.Count,
                sleeps.Count - nights.Count),
            new StrainMetrics(
                Rounding.OneDecimalOrZero(dayStrains),
                dayStrains.Count == 0 ? 0 : Rounding.OneDecimal(dayStrains.Max()),
                workouts.Count,
                Rounding.OneDecimalOrZero(Values(workouts.Select(w => w.Strain)))),
            new HrvMetrics(Rounding.OneDecimalOrZero(hrvByDay), HrvMetrics.TrendOf(hrvByDay)),
            new RestingHeartRateMetrics(Rounding.OneDecimalOrZero(Values(recoveries.Select(r => r.RestingHeartRate)))));
    }

    private static List<double> Values(IEnumerable<double?> values) =>
        values.Where(v => v is not null).Select(v => v!.Value).ToList();
}

public sealed record RecoveryMetrics(
    double AverageScore,
    double MaxScore,
    double MinScore,
    int TotalRecords,
    int GreenDays,
    int YellowDays,
    int RedDays);

/// <summary>Sleep figures over nightly sleeps; naps are counted separately in <see cref="TotalNaps"/>.</summary>
public sealed record SleepMetrics(double AverageHours, double AveragePerformance, int TotalRecords, int TotalNaps);

public sealed record StrainMetrics(
    double AverageDailyStrain,
    double MaxDailyStrain,
    int TotalWorkouts,
    double AverageWorkoutStrain);

/// <summary>Average HRV and its direction: the later half of the range against the earlier half.</summary>
public sealed record HrvMetrics(double Average, string Trend)
{
    public const string Improving = "improving";
    public const string Declining = "declining";
    public const string Stable = "stable";
    public const string NotEnoughData = "insufficient_data";

    /// <summary>A change of 5% or more between the halves' averages counts as a trend; fewer than 4 values say nothing.</summary>
    public static string TrendOf(IReadOnlyList<double> chronological)
    {
        if (chronological.Count < 4)
        {
            return NotEnoughData;
        }

        var half = chronological.Count / 2;
        var earlier = chronological.Take(half).Average();
        var later = chronological.Skip(chronological.Count - half).Average();
        var change = (later - earlier) / earlier;
        return change >= 0.05 ? Improving : change <= -0.05 ? Declining : Stable;
    }
}

public sealed record RestingHeartRateMetrics(double Average);
