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
    /// <summary>
    /// Averages, extremes and day counts over scored records only (<see cref="WhoopScoring"/>): a record still being
    /// scored or unscorable is counted in <c>total_records</c> but is not a 0 in an average. Each part says how many
    /// records it averaged (<c>scored_records</c>, <c>scored_days</c>, <c>scored_workouts</c>); with none the averages
    /// are null.
    /// </summary>
    public static WhoopMetrics Compute(
        Time.DateRange range,
        IReadOnlyList<WhoopRecovery> recoveries,
        IReadOnlyList<WhoopSleep> sleeps,
        IReadOnlyList<WhoopWorkout> workouts,
        IReadOnlyList<WhoopCycle> cycles)
    {
        var scoredRecoveries = recoveries.Where(r => r.IsScored()).ToList();
        var scores = scoredRecoveries.Select(r => r.RecoveryScore!.Value).ToList();
        var nights = sleeps.Where(s => !s.IsNap).ToList();
        var scoredNights = nights.Where(s => s.IsScored()).ToList();
        var dayStrains = cycles.Where(c => c.IsScored()).Select(c => c.Strain!.Value).ToList();
        var workoutStrains = workouts.Where(w => w.IsScored()).Select(w => w.Strain!.Value).ToList();
        var hrvByDay = Values(scoredRecoveries.OrderBy(r => r.Date).Select(r => r.HrvRmssd));
        var restingHeartRates = Values(scoredRecoveries.Select(r => r.RestingHeartRate));

        return new WhoopMetrics(
            range.Days,
            range.Start.ToString("yyyy-MM-dd"),
            range.End.ToString("yyyy-MM-dd"),
            new RecoveryMetrics(
                Rounding.AverageOneDecimal(scores),
                scores.Count == 0 ? null : scores.Max(),
                scores.Count == 0 ? null : scores.Min(),
                recoveries.Count,
                scores.Count(s => RecoveryStatus.Of(s) == RecoveryStatus.Green),
                scores.Count(s => RecoveryStatus.Of(s) == RecoveryStatus.Yellow),
                scores.Count(s => RecoveryStatus.Of(s) == RecoveryStatus.Red),
                scores.Count),
            new SleepMetrics(
                Rounding.AverageOneDecimal(scoredNights.Select(s => s.TotalSleepHours!.Value).ToList()),
                Rounding.AverageOneDecimal(Values(scoredNights.Select(s => s.SleepPerformance))),
                nights.Count,
                sleeps.Count - nights.Count,
                scoredNights.Count),
            new StrainMetrics(
                Rounding.AverageOneDecimal(dayStrains),
                dayStrains.Count == 0 ? null : Rounding.OneDecimal(dayStrains.Max()),
                workouts.Count,
                Rounding.AverageOneDecimal(workoutStrains),
                dayStrains.Count,
                workoutStrains.Count),
            new HrvMetrics(Rounding.AverageOneDecimal(hrvByDay), HrvMetrics.TrendOf(hrvByDay), hrvByDay.Count),
            new RestingHeartRateMetrics(Rounding.AverageOneDecimal(restingHeartRates), restingHeartRates.Count));
    }

    private static List<double> Values(IEnumerable<double?> values) =>
        values.Where(v => v is not null).Select(v => v!.Value).ToList();
}

/// <summary>Recovery over the range: <see cref="TotalRecords"/> counts every record, the rest only scored ones.</summary>
public sealed record RecoveryMetrics(
    double? AverageScore,
    double? MaxScore,
    double? MinScore,
    int TotalRecords,
    int GreenDays,
    int YellowDays,
    int RedDays,
    int ScoredRecords);

/// <summary>
/// Sleep figures over nightly sleeps (<see cref="TotalRecords"/>), averaged over the scored ones
/// (<see cref="ScoredRecords"/>); naps are counted separately in <see cref="TotalNaps"/>.
/// </summary>
public sealed record SleepMetrics(double? AverageHours, double? AveragePerformance, int TotalRecords, int TotalNaps, int ScoredRecords);

/// <summary>Day strain over the scored cycles (<see cref="ScoredDays"/>), workout strain over the scored workouts.</summary>
public sealed record StrainMetrics(
    double? AverageDailyStrain,
    double? MaxDailyStrain,
    int TotalWorkouts,
    double? AverageWorkoutStrain,
    int ScoredDays,
    int ScoredWorkouts);

/// <summary>Average HRV and its direction: the later half of the range against the earlier half.</summary>
public sealed record HrvMetrics(double? Average, string Trend, int ScoredRecords)
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

public sealed record RestingHeartRateMetrics(double? Average, int ScoredRecords);
