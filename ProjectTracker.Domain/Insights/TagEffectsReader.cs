using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Insights;

/// <summary>
/// Reads what <see cref="TagEffects"/> needs for a range: its tags (stored and <see cref="AutomaticTags"/>), and each day's
/// measures up to the day after it.
/// </summary>
public sealed class TagEffectsReader(DayTagService tags, InsightsReadService insights)
{
    public async Task<IReadOnlyList<TagEffect>> ReadAsync(DateRange range, CancellationToken ct)
    {
        var days = await insights.ReadDaysAsync(new DateRange(range.Start, range.End.AddDays(1)), ct);
        var hasGitHub = await insights.HasGitHubDataAsync(ct);
        var allTags = AutomaticTags.With(await tags.InRangeAsync(range, ct), days.Where(d => d.Date <= range.End), hasGitHub);
        return TagEffects.Of(range, days, allTags, hasGitHub);
    }
}
