using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.Whoop;

/// <summary>
/// Everything the WHOOP dashboard shows for a range, read once and kept with the snapshot it comes from
/// (<see cref="WhoopSnapshot.DashboardOf"/>), with what the page works out from it (<see cref="Derived"/>, decision 0020).
/// </summary>
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

    /// <summary>The charts' drawings and the rows of this range, made once and shared by every page showing it.</summary>
    public DerivedData Derived { get; } = new();

    /// <summary>The days as weekly averages, for charts over long ranges (made once, like <see cref="Days"/>).</summary>
    public IReadOnlyList<WhoopDay> Weeks => Derived.Of<IReadOnlyList<WhoopDay>>(nameof(Weeks), () => WhoopDailySeries.ByWeek(Days));

    /// <summary>The range holds no WHOOP record at all.</summary>
    public bool IsEmpty => Days.Count == 0 && Workouts.Count == 0;
}
