using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.GitHub.Timesheet;

namespace ProjectTracker.Domain.Insights;

/// <summary>
/// Tags the app puts on days from their data (<see cref="DayTag.AutoSource"/>), computed when read and never stored, so
/// they follow the data (a commit placed on another day once WHOOP's offset arrives moves its tag too) and cannot be
/// deleted. "Late-night coding": a commit from 22:00 to 04:00 local time, on the evening the night began
/// (<see cref="CodingDaysReader.LateNightEvening"/>), so a 01:00 commit tags the day before and pairs with that night's sleep.
/// </summary>
public static class AutomaticTags
{
    public const string LateNightCoding = "late-night coding";

    /// <summary>The automatic tags on <paramref name="days"/>; none without GitHub data (no commits known, so no night is known free of them).</summary>
    public static IReadOnlyList<DayTag> On(IEnumerable<InsightDay> days, bool hasGitHubData) => hasGitHubData
        ? days.Where(d => d.LateNightCommits > 0).Select(d => Tag(d.Date, LateNightCoding)).ToList()
        : [];

    /// <summary>The stored tags and the automatic ones of the same days, in day order.</summary>
    public static IReadOnlyList<DayTag> With(IReadOnlyList<DayTag> stored, IEnumerable<InsightDay> days, bool hasGitHubData) =>
        [.. stored.Concat(On(days, hasGitHubData)).OrderBy(t => t.Date).ThenBy(t => t.Source).ThenBy(t => t.Name, StringComparer.Ordinal)];

    private static DayTag Tag(DateOnly day, string name) => new()
    {
        Date = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Name = name, Source = DayTag.AutoSource, Answer = true,
    };
}

/// <summary>The automatic tags where no day's measures are read anyway: the tag list and the tags export.</summary>
public sealed class AutomaticTagReader(CodingDaysReader coding, InsightsReadService insights)
{
    /// <summary>Each automatic tag with the days it is on (never a "no" day: the others are the days without it).</summary>
    public async Task<IReadOnlyList<TagSummary>> ListAsync(CancellationToken ct)
    {
        var evenings = await LateNightEveningsAsync(DateTime.MinValue, DateTime.MaxValue, ct);
        return evenings.Count == 0 ? [] : [new TagSummary(AutomaticTags.LateNightCoding, DayTag.AutoSource, evenings.Count, 0)];
    }

    /// <summary>The automatic tags on the days of <paramref name="range"/>.</summary>
    public async Task<IReadOnlyList<DayTag>> InRangeAsync(Time.DateRange range, CancellationToken ct)
    {
        // A night's commits run until 04:00 the next morning, in any time zone.
        var margin = Time.LocalClock.OffsetMargin + TimeSpan.FromDays(1);
        var evenings = await LateNightEveningsAsync(range.From - margin, range.Until + margin, ct);
        var days = evenings.Where(e => e >= range.Start && e <= range.End).Order()
            .Select(e => new InsightDay(e, 0, null, null, LateNightCommits: 1));
        return AutomaticTags.On(days, hasGitHubData: true);
    }

    private async Task<HashSet<DateOnly>> LateNightEveningsAsync(DateTime fromUtc, DateTime untilUtc, CancellationToken ct) =>
        await insights.HasGitHubDataAsync(ct)
            ? (await coding.ReadCommitTimesAsync(fromUtc, untilUtc, ct)).Select(CodingDaysReader.LateNightEvening).OfType<DateOnly>().ToHashSet()
            : [];
}
