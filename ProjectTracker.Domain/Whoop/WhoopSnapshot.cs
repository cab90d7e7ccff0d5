using System.Collections.Concurrent;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Whoop;

/// <summary>
/// Every stored WHOOP record, read once and shared by the API and every open dashboard (<see cref="WhoopReadModel"/>):
/// never modified. Ranges are cut from it in memory by the athlete's local days, in the lists' order.
/// </summary>
public sealed class WhoopSnapshot(
    DayIndexedRecords<WhoopRecovery> recoveries,
    DayIndexedRecords<WhoopSleep> sleeps,
    DayIndexedRecords<WhoopWorkout> workouts,
    DayIndexedRecords<WhoopCycle> cycles)
{
    // Dashboards and API clients of one range share its figures; a bound keeps odd ranges from piling up within one snapshot.
    private const int MaxDashboards = 32;
    private const int MaxMetrics = 64;
    private readonly ConcurrentDictionary<DateRange, WhoopDashboardData> _dashboards = new();
    private readonly ConcurrentDictionary<DateRange, WhoopMetrics> _metrics = new();

    public DayIndexedRecords<WhoopRecovery> Recoveries => recoveries;
    public DayIndexedRecords<WhoopSleep> Sleeps => sleeps;
    public DayIndexedRecords<WhoopWorkout> Workouts => workouts;
    public DayIndexedRecords<WhoopCycle> Cycles => cycles;

    /// <summary>The time-zone offset of the newest sleep that has one (UTC when none is known): where the athlete is.</summary>
    public TimeSpan Offset { get; } = WhoopDays.ParseOffset(
        sleeps.Items.Where(s => s.TimezoneOffset != null && s.EndTime != null).MaxBy(s => s.EndTime)?.TimezoneOffset) ?? TimeSpan.Zero;

    /// <summary>The newest scored recovery (one still being scored, or unscorable, is in the lists but not "the latest").</summary>
    public WhoopRecovery? LatestRecovery { get; } = recoveries.Items.FirstOrDefault(r => r.IsScored());

    /// <summary>The newest scored night's sleep; a scored nap only when no night is scored.</summary>
    public WhoopSleep? LatestSleep { get; } =
        sleeps.Items.FirstOrDefault(s => !s.IsNap && s.IsScored()) ?? sleeps.Items.FirstOrDefault(s => s.IsNap && s.IsScored());

    /// <summary>The metrics of a range, computed once per snapshot for the ranges asked most (kept with the snapshot).</summary>
    public WhoopMetrics MetricsOf(DateRange range)
    {
        if (_metrics.TryGetValue(range, out var shared))
        {
            return shared;
        }

        if (_dashboards.TryGetValue(range, out var dashboard))
        {
            return dashboard.Metrics;
        }

        var metrics = Slice.Of(this, range).Metrics();
        return _metrics.Count < MaxMetrics ? _metrics.GetOrAdd(range, metrics) : metrics;
    }

    /// <summary>The dashboard's view of a range: the metrics, the days laid out for charts, and the workouts.</summary>
    public WhoopDashboardData DashboardOf(DateRange range)
    {
        if (_dashboards.TryGetValue(range, out var shared))
        {
            return shared;
        }

        var slice = Slice.Of(this, range);
        var data = new WhoopDashboardData(
            range, MetricsOf(range), WhoopDailySeries.Build(range, slice.Recoveries, slice.Sleeps, slice.Cycles), slice.Workouts);
        return _dashboards.Count < MaxDashboards ? _dashboards.GetOrAdd(range, data) : data;
    }

    /// <summary>The records of one range, each kind in the lists' order.</summary>
    private sealed record Slice(
        DateRange Range, List<WhoopRecovery> Recoveries, List<WhoopSleep> Sleeps, List<WhoopWorkout> Workouts, List<WhoopCycle> Cycles)
    {
        public static Slice Of(WhoopSnapshot snapshot, DateRange range) => new(
            range, snapshot.Recoveries.In(range), snapshot.Sleeps.In(range), snapshot.Workouts.In(range), snapshot.Cycles.In(range));

        public WhoopMetrics Metrics() => WhoopMetrics.Compute(Range, Recoveries, Sleeps, Workouts, Cycles);
    }
}
