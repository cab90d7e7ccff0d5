using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Insights;

/// <summary>
/// One day of workload against recovery: the day's coding hours (wall-clock, decision 0015), strain and recovery, their
/// 7-day (acute) and 28-day (chronic) rolling averages ending that day, the acute : chronic ratios, and
/// <see cref="Flag"/> when coding runs above <see cref="CodingLoad.FlagRatio"/>× its usual while recovery trends down.
/// </summary>
public sealed record LoadDay(
    DateOnly Date, double? CodingHours, double? Strain, double? Recovery,
    double? Coding7d, double? Coding28d, double? CodingRatio,
    double? Strain7d, double? Strain28d, double? StrainRatio,
    double? Recovery7d, double? Recovery28d, bool Flag);

/// <summary>The first local day each measure has data: before it there is no history, so no average is taken over it.</summary>
public sealed record LoadHistory(DateOnly? FirstCodingDay, DateOnly? FirstStrainDay, DateOnly? FirstRecoveryDay);

/// <summary>
/// The acute : chronic workload rule over the owner's days. A rolling average needs its whole window inside the
/// measure's history (7 days for acute, 28 for chronic; from the first commit, or the first WHOOP strain or recovery), so
/// it is null before that. Within the history a day without commits is 0 coding hours, while a day without WHOOP data
/// is missing: the strain and recovery averages are over the days of the window that have a value (null when none has).
/// A ratio is null when either average is, or when the chronic one is 0 (no usual to compare with).
/// </summary>
public static class CodingLoad
{
    public const int AcuteDays = 7, ChronicDays = 28;
    public const double FlagRatio = 1.5;

    /// <summary>The days <see cref="Of"/> needs before the range's first day to average over it.</summary>
    public const int HistoryDays = ChronicDays - 1;

    /// <param name="days">Every day from <see cref="HistoryDays"/> before the range's start to its end, oldest first.</param>
    public static IReadOnlyList<LoadDay> Of(DateRange range, IReadOnlyList<InsightDay> days, LoadHistory history, bool hasGitHubData)
    {
        var coding = days.Select(d => hasGitHubData && d.Date >= history.FirstCodingDay ? d.CodingHours : (double?)null).ToArray();
        var strain = days.Select(d => d.Strain).ToArray();
        var recovery = days.Select(d => d.Recovery).ToArray();
        var result = new List<LoadDay>(range.Days);
        for (var i = 0; i < days.Count; i++)
        {
            var date = days[i].Date;
            if (date < range.Start || date > range.End)
            {
                continue;
            }

            double? Average(double?[] values, int window, DateOnly? first) =>
                i + 1 >= window && first is { } start && date.AddDays(1 - window) >= start ? Mean(values.AsSpan(i + 1 - window, window)) : null;

            var (coding7, coding28) = (Average(coding, AcuteDays, history.FirstCodingDay), Average(coding, ChronicDays, history.FirstCodingDay));
            var (strain7, strain28) = (Average(strain, AcuteDays, history.FirstStrainDay), Average(strain, ChronicDays, history.FirstStrainDay));
            var (recovery7, recovery28) = (Average(recovery, AcuteDays, history.FirstRecoveryDay), Average(recovery, ChronicDays, history.FirstRecoveryDay));
            var codingRatio = Ratio(coding7, coding28);
            var flag = codingRatio > FlagRatio && recovery7 < recovery28;
            result.Add(new LoadDay(
                date, coding[i], strain[i], recovery[i], coding7, coding28, codingRatio, strain7, strain28, Ratio(strain7, strain28),
                recovery7, recovery28, flag));
        }

        return result;
    }

    /// <summary>The overview's line while <paramref name="day"/> is flagged, else null.</summary>
    public static string? Warning(LoadDay day) => day is { Flag: true, CodingRatio: { } ratio }
        ? $"Coding load is {ratio.ToString("0.0", CultureInfo.InvariantCulture)}× your usual while recovery is trending down."
        : null;

    private static double? Ratio(double? acute, double? chronic) => acute is { } a && chronic is { } c && c > 0 ? a / c : null;

    /// <summary>The mean of the values present (a missing WHOOP day is left out), or null when none is.</summary>
    private static double? Mean(ReadOnlySpan<double?> values)
    {
        double sum = 0;
        var count = 0;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                sum += v;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }
}

/// <summary>Reads <see cref="CodingLoad"/> for a range: its days and the <see cref="CodingLoad.HistoryDays"/> before it, and where each history begins.</summary>
public sealed class CodingLoadReader(IDbContextFactory<TrackerDbContext> contexts, InsightsReadService insights, CodingDaysReader coding)
{
    public async Task<IReadOnlyList<LoadDay>> ReadAsync(DateRange range, CancellationToken ct) =>
        await OfAsync(range, await insights.ReadInputsAsync(DaysFor(range), ct), ct);

    /// <summary>The days <see cref="OfAsync"/> needs: the range and the <see cref="CodingLoad.HistoryDays"/> before it.</summary>
    public static DateRange DaysFor(DateRange range) => new(range.Start.AddDays(-CodingLoad.HistoryDays), range.End);

    /// <summary>The load for <paramref name="range"/> from inputs read over at least <see cref="DaysFor"/>; only where each history begins is read.</summary>
    public async Task<IReadOnlyList<LoadDay>> OfAsync(DateRange range, InsightsInputs inputs, CancellationToken ct) =>
        CodingLoad.Of(range, inputs.Slice(DaysFor(range)), await ReadHistoryAsync(ct), inputs.HasGitHubData);

    private async Task<LoadHistory> ReadHistoryAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var firstCommit = await db.ProjectCommits.MinAsync(c => (DateTime?)c.AuthoredAt, ct);
        var firstStrain = await db.WhoopCycles.Where(c => c.Strain != null).MinAsync(c => c.Date ?? c.StartTime, ct);
        var firstRecovery = await db.WhoopRecoveries.Where(r => r.RecoveryScore != null).MinAsync(r => (DateTime?)r.Date, ct);
        DateOnly? firstCodingDay = firstCommit is { } at ? (await coding.Owner.ReadClockAsync(at, at, ct)).LocalDate(at) : null;
        return new LoadHistory(firstCodingDay, Day(firstStrain), Day(firstRecovery));
    }

    private static DateOnly? Day(DateTime? stored) => stored is { } d ? DateOnly.FromDateTime(d) : null;
}
