using System.Globalization;
using MudBlazor;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Components.Whoop;

public sealed record WhoopKpi(string Label, string Value, string Icon, string TestId);

/// <summary>The dashboard's headline numbers for a range; "—" where the range has nothing to average.</summary>
public static class WhoopKpis
{
    public const string None = "—";

    public static IReadOnlyList<WhoopKpi> For(WhoopDashboardData data)
    {
        var metrics = data.Metrics;
        var days = data.Days;
        return
        [
            new("Average recovery", days.Any(d => d.Recovery is not null) ? $"{Format(metrics.Recovery.AverageScore, "0")}%" : None,
                Icons.Material.Filled.MonitorHeart, "kpi-recovery"),
            new("Average HRV", days.Any(d => d.Hrv is not null) ? $"{Format(metrics.Hrv.Average, "0")} ms" : None,
                Icons.Material.Filled.ShowChart, "kpi-hrv"),
            new("Resting heart rate", days.Any(d => d.RestingHeartRate is not null) ? $"{Format(metrics.RestingHeartRate.Average, "0")} bpm" : None,
                Icons.Material.Filled.Favorite, "kpi-rhr"),
            new("Sleep per night", metrics.Sleep.TotalRecords > 0
                    ? $"{Format(metrics.Sleep.AverageHours, "0.0")} h · {Format(metrics.Sleep.AveragePerformance, "0")}%"
                    : None,
                Icons.Material.Filled.Bedtime, "kpi-sleep"),
            new("Average day strain", days.Any(d => d.Strain is not null) ? Format(metrics.Strain.AverageDailyStrain, "0.0") : None,
                Icons.Material.Filled.Bolt, "kpi-strain"),
            new("Workouts", metrics.Strain.TotalWorkouts.ToString("N0", CultureInfo.InvariantCulture),
                Icons.Material.Filled.FitnessCenter, "kpi-workouts"),
            new("Calories per day", data.AverageDailyCalories is { } kcal ? $"{Format(kcal, "N0")} kcal" : None,
                Icons.Material.Filled.LocalFireDepartment, "kpi-calories"),
        ];
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
