namespace ProjectTracker.Domain.Whoop;

/// <summary>Everything the WHOOP dashboard shows for a range, read once.</summary>
public sealed record WhoopDashboardData(
    Time.DateRange Range, WhoopMetrics Metrics, IReadOnlyList<WhoopDay> Days, IReadOnlyList<WhoopWorkout> Workouts)
{
    /// <summary>Average energy per day over the days WHOOP measured it, in kcal (WHOOP reports kilojoules).</summary>
    public double? AverageDailyCalories
    {
        get
        {
            var measured = Days.Where(d => d.Calories is not null).Select(d => d.Calories!.Value).ToList();
            return measured.Count == 0 ? null : measured.Average();
        }
    }

    /// <summary>The range holds no WHOOP record at all.</summary>
    public bool IsEmpty => Days.Count == 0 && Workouts.Count == 0;
}
