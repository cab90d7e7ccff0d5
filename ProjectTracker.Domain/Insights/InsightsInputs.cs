using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Insights;

/// <summary>
/// The days one read of <see cref="InsightsReadService.ReadInputsAsync"/> found, and whether any project is stored: /insights
/// reads them once over the span all its analyses need and gives each its <see cref="Slice"/>.
/// </summary>
public sealed record InsightsInputs(DateRange Range, IReadOnlyList<InsightDay> Days, bool HasGitHubData)
{
    /// <summary>The days of <paramref name="range"/>, which must lie within <see cref="Range"/> (a day outside was never read).</summary>
    public List<InsightDay> Slice(DateRange range)
    {
        if (range.Start < Range.Start || range.End > Range.End)
        {
            throw new ArgumentOutOfRangeException(nameof(range), $"{range} is not within the days read, {Range}.");
        }

        return [.. Days.Skip(range.Start.DayNumber - Range.Start.DayNumber).Take(range.Days)];
    }

    /// <summary>The smallest range holding every one of <paramref name="ranges"/>.</summary>
    public static DateRange Spanning(params IEnumerable<DateRange> ranges) =>
        new(ranges.Min(r => r.Start), ranges.Max(r => r.End));
}
