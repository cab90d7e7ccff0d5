namespace ProjectTracker.Domain.Whoop;

/// <summary>One night's sleep in hours by stage, with what the body needed.</summary>
public sealed record SleepNight(double LightHours, double DeepHours, double RemHours, double AwakeHours, double? NeedHours, double? Performance)
{
    public double AsleepHours => LightHours + DeepHours + RemHours;
}

/// <summary>One of the athlete's local days, with whatever WHOOP measured for it (null where nothing was).</summary>
public sealed record WhoopDay(
    DateOnly Date, double? Recovery, double? Hrv, double? RestingHeartRate, double? Strain, double? Calories, SleepNight? Sleep);

/// <summary>
/// Lays stored records out by local day for the charts. The rows already carry their day (the sync applies
/// <see cref="WhoopDays"/>); where a day has two of a kind, the later record wins, and naps are left out of nights.
/// </summary>
public static class WhoopDailySeries
{
    public const double KilojoulesPerKilocalorie = 4.184;

    /// <summary>Every day of the range that has at least one measure, oldest first.</summary>
    public static IReadOnlyList<WhoopDay> Build(
        Time.DateRange range, IEnumerable<WhoopRecovery> recoveries, IEnumerable<WhoopSleep> sleeps, IEnumerable<WhoopCycle> cycles)
    {
        var recoveryByDay = recoveries
            .Where(r => r.RecoveryScore is not null || r.HrvRmssd is not null || r.RestingHeartRate is not null)
            .GroupBy(r => DateOnly.FromDateTime(r.Date))
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
        var nightByDay = sleeps
            .Where(s => !s.IsNap && s.TotalSleepHours is not null)
            .GroupBy(s => DateOnly.FromDateTime(s.Date))
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.EndTime ?? s.Date)!);
        var cycleByDay = cycles
            .Where(c => c.Strain is not null || c.Kilojoules is not null)
            .GroupBy(c => DateOnly.FromDateTime(c.Date ?? c.StartTime ?? DateTime.MinValue))
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.StartTime)!);

        var days = new List<WhoopDay>();
        for (var date = range.Start; date <= range.End; date = date.AddDays(1))
        {
            recoveryByDay.TryGetValue(date, out var recovery);
            nightByDay.TryGetValue(date, out var night);
            cycleByDay.TryGetValue(date, out var cycle);
            if (recovery is null && night is null && cycle is null)
            {
                continue;
            }

            days.Add(new WhoopDay(
                date, recovery?.RecoveryScore, recovery?.HrvRmssd, recovery?.RestingHeartRate, cycle?.Strain,
                cycle?.Kilojoules / KilojoulesPerKilocalorie, night is null ? null : NightOf(night)));
        }

        return days;
    }

    /// <summary>
    /// The days averaged by week (Monday to Sunday), dated by the week's Monday: a year drawn day by day is more points
    /// than a chart has pixels, and far more for the browser to draw. Each measure is the mean of the days that have it.
    /// </summary>
    public static IReadOnlyList<WhoopDay> ByWeek(IReadOnlyList<WhoopDay> days) =>
        days.GroupBy(d => d.Date.AddDays(-(((int)d.Date.DayOfWeek + 6) % 7)))
            .OrderBy(week => week.Key)
            .Select(week => new WhoopDay(
                week.Key, Mean(week, d => d.Recovery), Mean(week, d => d.Hrv), Mean(week, d => d.RestingHeartRate),
                Mean(week, d => d.Strain), Mean(week, d => d.Calories), MeanNight(week.Select(d => d.Sleep).OfType<SleepNight>().ToList())))
            .ToList();

    private static double? Mean<T>(IEnumerable<T> items, Func<T, double?> value)
    {
        var present = items.Select(value).OfType<double>().ToList();
        return present.Count > 0 ? present.Average() : null;
    }

    private static SleepNight? MeanNight(IReadOnlyList<SleepNight> nights) => nights.Count == 0
        ? null
        : new SleepNight(
            nights.Average(n => n.LightHours), nights.Average(n => n.DeepHours), nights.Average(n => n.RemHours),
            nights.Average(n => n.AwakeHours), Mean(nights, n => n.NeedHours), Mean(nights, n => n.Performance));

    private static SleepNight NightOf(WhoopSleep sleep) => new(
        Hours(sleep.LightSleepMin), Hours(sleep.DeepSleepMin), Hours(sleep.RemSleepMin), Hours(sleep.AwakeMin),
        sleep.SleepNeedMin / 60, sleep.SleepPerformance);

    private static double Hours(double? minutes) => (minutes ?? 0) / 60;
}
