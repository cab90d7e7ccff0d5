using MathNet.Numerics;
using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Insights;

/// <summary>
/// One night, named by the evening it began: the time of its last commit and of falling asleep, both in hours after that
/// evening's midnight (23.5 is 23:30, 25.25 is 01:15 the next morning), the hours slept and the next morning's recovery.
/// </summary>
public sealed record NightPoint(DateOnly Evening, double LastCommitHour, double? SleepOnsetHour, double? SleepHours, double? NextRecovery);

/// <summary>The least-squares line y = intercept + slope · x over <see cref="N"/> points (MathNet's <c>Fit.Line</c>), with Pearson's r.</summary>
public sealed record LineFit(int N, double? Intercept, double? Slope, double? R)
{
    /// <summary>No line (nulls) for fewer than two points or when every x is the same.</summary>
    public static LineFit Of(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2 || points.All(p => p.X == points[0].X))
        {
            return new LineFit(points.Count, null, null, null);
        }

        var (intercept, slope) = Fit.Line([.. points.Select(p => p.X)], [.. points.Select(p => p.Y)]);
        return new LineFit(points.Count, intercept, slope, Correlation.Pearson(points));
    }

    public double? At(double x) => Intercept is { } a && Slope is { } b ? a + b * x : null;
}

/// <summary>Each night's last commit beside that night's sleep onset, sleep hours and the next morning's recovery, each with its fitted line.</summary>
public sealed record LateNightSleep(DateRange Range, IReadOnlyList<NightPoint> Nights, LineFit SleepOnset, LineFit SleepHours, LineFit NextRecovery)
{
    /// <summary>The nights /insights draws: the last 90.</summary>
    public const int DefaultNights = 90;

    /// <summary>A coding day runs from 04:00 to 04:00 local time, where late night ends, so a 01:00 commit is the evening before's.</summary>
    public static DateOnly NightOf(DateTime local) => DateOnly.FromDateTime(local.AddHours(-CodingDaysReader.LateNightUntilHour));

    /// <summary>Hours from the evening's midnight to <paramref name="local"/>: 25.5 is 01:30 the next morning.</summary>
    public static double HoursAfter(DateOnly evening, DateTime local) => (local - evening.ToDateTime(TimeOnly.MinValue)).TotalHours;

    /// <summary>The latest commit of each night of <paramref name="range"/> that has one, in hours after its evening's midnight.</summary>
    public static Dictionary<DateOnly, double> LastCommits(IEnumerable<DateTime> localCommitTimes, DateRange range) => localCommitTimes
        .GroupBy(NightOf)
        .Where(g => g.Key >= range.Start && g.Key <= range.End)
        .ToDictionary(g => g.Key, g => HoursAfter(g.Key, g.Max()));

    /// <summary>The nights with a last commit and at least one measure of the sleep after it; each line over the nights that have its measure.</summary>
    public static LateNightSleep Of(DateRange range, IReadOnlyList<NightPoint> nights)
    {
        var kept = nights.Where(n => n.SleepOnsetHour is not null || n.SleepHours is not null || n.NextRecovery is not null)
            .OrderBy(n => n.Evening).ToList();

        LineFit Line(Func<NightPoint, double?> measure) =>
            LineFit.Of([.. kept.Where(n => measure(n) is not null).Select(n => (n.LastCommitHour, measure(n)!.Value))]);

        return new LateNightSleep(range, kept, Line(n => n.SleepOnsetHour), Line(n => n.SleepHours), Line(n => n.NextRecovery));
    }
}

/// <summary>
/// Reads <see cref="LateNightSleep"/>: the commits of the range's nights (all projects, the owner's local time by decision
/// 0002), the main sleep that ended the next morning (its start, placed by the offset WHOOP recorded for it) and that
/// morning's recovery.
/// </summary>
public sealed class LateNightReader(IDbContextFactory<TrackerDbContext> contexts, CodingDaysReader coding, InsightsReadService insights)
{
    public async Task<LateNightSleep> ReadAsync(DateRange range, CancellationToken ct) =>
        await OfAsync(range, await insights.ReadInputsAsync(DaysFor(range), ct), ct);

    /// <summary>The days <see cref="OfAsync"/> needs: the mornings after the range's nights.</summary>
    public static DateRange DaysFor(DateRange range) => new(range.Start.AddDays(1), range.End.AddDays(1));

    /// <summary>
    /// The nights of <paramref name="range"/> from inputs read over at least <see cref="DaysFor"/>; only the commit times
    /// and sleep onsets are read.
    /// </summary>
    public async Task<LateNightSleep> OfAsync(DateRange range, InsightsInputs inputs, CancellationToken ct)
    {
        if (!inputs.HasGitHubData)
        {
            return LateNightSleep.Of(range, []);
        }

        var lateHours = TimeSpan.FromHours(CodingDaysReader.LateNightUntilHour);
        var times = await coding.ReadCommitTimesAsync(
            range.From + lateHours - LocalClock.OffsetMargin, range.Until + lateHours + LocalClock.OffsetMargin, ct);
        var lastCommits = LateNightSleep.LastCommits(times, range);
        var mornings = DaysFor(range);
        var after = inputs.Slice(mornings).ToDictionary(d => d.Date);
        var onsets = await SleepOnsetsAsync(mornings, ct);
        var nights = lastCommits.Select(n =>
        {
            var morning = after.GetValueOrDefault(n.Key.AddDays(1));
            var onset = onsets.TryGetValue(n.Key.AddDays(1), out var start) ? LateNightSleep.HoursAfter(n.Key, start) : (double?)null;
            return new NightPoint(n.Key, n.Value, onset, morning?.SleepHours, morning?.Recovery);
        }).ToList();
        return LateNightSleep.Of(range, nights);
    }

    /// <summary>The local start of each morning's main sleep (the one ending last, as the day's sleep hours take it).</summary>
    private async Task<Dictionary<DateOnly, DateTime>> SleepOnsetsAsync(DateRange mornings, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sleeps = await db.WhoopSleeps.AsNoTracking()
            .Where(s => s.Date >= mornings.From && s.Date < mornings.Until && !s.IsNap && s.TotalSleepHours != null && s.StartTime != null)
            .Select(s => new { s.Date, Start = s.StartTime!.Value, s.EndTime, s.TimezoneOffset })
            .ToListAsync(ct);
        var missingOffset = sleeps.Where(s => WhoopDays.ParseOffset(s.TimezoneOffset) is null).Select(s => s.Start).ToList();
        var clock = missingOffset.Count == 0 ? null : await coding.Owner.ReadClockAsync(missingOffset.Min(), missingOffset.Max(), ct);
        return sleeps.GroupBy(s => DateOnly.FromDateTime(s.Date)).ToDictionary(g => g.Key, g =>
        {
            var main = g.MaxBy(s => s.EndTime)!;
            return WhoopDays.ParseOffset(main.TimezoneOffset) is { } offset ? main.Start + offset : clock!.ToLocal(main.Start);
        });
    }
}
