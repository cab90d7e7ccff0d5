using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Simulators.Whoop;

/// <summary>
/// The member's UTC offset on each local day, as the simulator's cycles record it: a cycle starts at bedtime, so the day
/// after its start (its waking hours) is lived at its offset. Days without a cycle take the most common offset (home).
/// The app's local days follow the same cycles (decision 0002), so data placed by these offsets lands on the day meant.
/// </summary>
public static class WhoopLocalOffsets
{
    public static Func<DateOnly, TimeSpan> Of(WhoopSimulatorState state)
    {
        var byDay = new Dictionary<DateOnly, TimeSpan>();
        foreach (var cycle in state.Cycles.Values.OrderBy(c => c.Start))
        {
            var offset = WhoopDays.ParseOffset(cycle.TimezoneOffset) ?? TimeSpan.Zero;
            byDay[DateOnly.FromDateTime((cycle.Start.UtcDateTime + offset).AddHours(12))] = offset;
        }

        var home = byDay.Count == 0 ? TimeSpan.Zero : byDay.Values.GroupBy(o => o).MaxBy(g => g.Count())!.Key;
        return day => byDay.GetValueOrDefault(day, home);
    }
}
