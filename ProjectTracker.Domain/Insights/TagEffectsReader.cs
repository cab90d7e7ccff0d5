using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Insights;

/// <summary>
/// Reads what <see cref="TagEffects"/> needs for a range: its tags (stored and <see cref="AutomaticTags"/>), and each day's
/// measures up to the day after it.
/// </summary>
public sealed class TagEffectsReader(DayTagService tags, InsightsReadService insights)
{
    public async Task<IReadOnlyList<TagEffect>> ReadAsync(DateRange range, CancellationToken ct) =>
        await OfAsync(range, await insights.ReadInputsAsync(DaysFor(range), ct), ct);

    /// <summary>The days <see cref="OfAsync"/> needs: the range and the day after it, where a tag's next-day effect shows.</summary>
    public static DateRange DaysFor(DateRange range) => new(range.Start, range.End.AddDays(1));

    /// <summary>The effects for <paramref name="range"/> from inputs read over at least <see cref="DaysFor"/>; only the tags are read.</summary>
    public async Task<IReadOnlyList<TagEffect>> OfAsync(DateRange range, InsightsInputs inputs, CancellationToken ct)
    {
        var days = inputs.Slice(DaysFor(range));
        var allTags = AutomaticTags.With(await tags.InRangeAsync(range, ct), days.Where(d => d.Date <= range.End), inputs.HasGitHubData);
        return TagEffects.Of(range, days, allTags, inputs.HasGitHubData);
    }
}
