using System.Globalization;
using MudBlazor;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Whoop.Components;

/// <summary>A headline number; <paramref name="Caption"/> is its secondary figure, on its own line under the value.</summary>
public sealed record WhoopKpi(string Label, string Value, string Icon, string TestId, string? Caption = null);

/// <summary>The dashboard's headline numbers for a range; "—" where the range has nothing to average.</summary>
public static class WhoopKpis
{
    public const string None = "—";

    public static IReadOnlyList<WhoopKpi> For(WhoopDashboardData data)
    {
        var metrics = data.Metrics;
        return
        [
            new("Average recovery", Format(metrics.Recovery.AverageScore, "0", " %"), Icons.Material.Filled.MonitorHeart, "kpi-recovery"),
            new("Average HRV", Format(metrics.Hrv.Average, "0", " ms"), Icons.Material.Filled.ShowChart, "kpi-hrv"),
            new("Resting heart rate", Format(metrics.RestingHeartRate.Average, "0", " bpm"), Icons.Material.Filled.Favorite, "kpi-rhr"),
            // The share of need is the secondary figure: as "7.4 h · 91 % of need" the value broke over two lines at 1366 px.
            new("Sleep per night", Format(metrics.Sleep.AverageHours, "0.0", " h"), Icons.Material.Filled.Bedtime, "kpi-sleep",
                metrics.Sleep.AveragePerformance is { } performance ? $"{Format(performance, "0")} % of need" : null),
            new("Average day strain", Format(metrics.Strain.AverageDailyStrain, "0.0", ""), Icons.Material.Filled.Bolt, "kpi-strain"),
            new("Workouts", metrics.Strain.TotalWorkouts.ToString("N0", CultureInfo.InvariantCulture),
                Icons.Material.Filled.FitnessCenter, "kpi-workouts"),
            new("Calories per day", data.AverageDailyCalories is { } kcal ? $"{Format(kcal, "N0")} kcal" : None,
                Icons.Material.Filled.LocalFireDepartment, "kpi-calories"),
        ];
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Format(double? value, string format, string unit) => value is { } v ? Format(v, format) + unit : None;
}
