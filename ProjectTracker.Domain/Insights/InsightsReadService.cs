using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Insights;

/// <summary>
/// One day of the range: the owner's coding (commits, coding hours of the sessions started that day, late-night commits
/// of the night that began that evening) beside that morning's recovery and HRV, the night's sleep and the day's strain.
/// </summary>
public sealed record InsightDay(
    DateOnly Date, int Commits, double? Recovery, double? SleepHours,
    double CodingHours = 0, int LateNightCommits = 0, double? Hrv = null, double? Strain = null, double? RestingHeartRate = null);

/// <param name="RecoveryAndCommits">Kept from the first /insights: same-day recovery and commits in words.</param>
/// <param name="SleepAndCommits">Kept from the first /insights: the night's sleep and the day's commits in words.</param>
public sealed record CodingInsights(
    DateRange Range, IReadOnlyList<InsightDay> Days, bool HasGitHubData, bool HasWhoopData,
    CorrelationFinding RecoveryAndCommits, CorrelationFinding SleepAndCommits,
    IReadOnlyList<PairFinding> Findings, IReadOnlyList<WeekdayAverages> Weekdays, PeriodComparison Comparison);

/// <summary>
/// Puts coding activity beside WHOOP's recovery, HRV, sleep and strain by day. Both sides count the owner's local days
/// (<see cref="LocalClock"/>), so a late commit is on the evening it was made, at home or abroad.
/// </summary>
public sealed class InsightsReadService(IDbContextFactory<TrackerDbContext> contexts, CodingDaysReader coding)
{
    public static readonly CorrelationWording RecoveryWording =
        new("recovery", "higher recovery", "commits", "you committed more", "you committed less");

    public static readonly CorrelationWording SleepWording =
        new("sleep", "more sleep the night before", "commits", "you committed more", "you committed less");

    public async Task<CodingInsights> GetAsync(DateRange range, CancellationToken cancellationToken = default) =>
        Of(range, await ReadInputsAsync(DaysFor(range), cancellationToken));

    /// <summary>The days <see cref="Of"/> needs: the range and the one of the same length before it, to compare with.</summary>
    public static DateRange DaysFor(DateRange range) => new(PreviousOf(range).Start, range.End);

    /// <summary>The findings for <paramref name="range"/> from inputs read over at least <see cref="DaysFor"/>.</summary>
    public CodingInsights Of(DateRange range, InsightsInputs inputs) =>
        Analyse(range, inputs.Slice(range), inputs.HasGitHubData, inputs.Slice(PreviousOf(range)), coding.Owner.Calendar.FirstDayOfWeek);

    /// <summary>Every day of <paramref name="range"/> and whether any project is stored, read once for every analysis that needs them.</summary>
    public async Task<InsightsInputs> ReadInputsAsync(DateRange range, CancellationToken cancellationToken = default) =>
        new(range, await ReadDaysAsync(range, cancellationToken), await HasGitHubDataAsync(cancellationToken));

    /// <summary>Whether any project is stored: without one, commits and coding hours are unknown rather than 0.</summary>
    public async Task<bool> HasGitHubDataAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Projects.AnyAsync(cancellationToken);
    }

    /// <summary>The range of the same length just before <paramref name="range"/>.</summary>
    public static DateRange PreviousOf(DateRange range) => new(range.Start.AddDays(-range.Days), range.Start.AddDays(-1));

    /// <summary>Every day of <paramref name="range"/> with what is known of it (a day without a scored recovery has none).</summary>
    public async Task<List<InsightDay>> ReadDaysAsync(DateRange range, CancellationToken cancellationToken)
    {
        var codingDays = (await coding.ReadAsync(range, cancellationToken: cancellationToken)).Days
            .GroupBy(d => d.Date)
            .ToDictionary(g => g.Key, g => (Commits: g.Sum(d => d.Commits), Hours: g.Sum(d => d.Minutes) / 60, Late: g.Sum(d => d.LateNightCommits)));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recoveries = await db.WhoopRecoveries.AsNoTracking()
            .Where(r => r.Date >= range.From && r.Date < range.Until && (r.RecoveryScore != null || r.HrvRmssd != null))
            .Select(r => new { r.Date, r.Id, r.RecoveryScore, r.HrvRmssd, r.RestingHeartRate })
            .ToListAsync(cancellationToken);
        var nights = await db.WhoopSleeps.AsNoTracking()
            .Where(s => s.Date >= range.From && s.Date < range.Until && !s.IsNap && s.TotalSleepHours != null)
            .Select(s => new { s.Date, s.EndTime, s.TotalSleepHours })
            .ToListAsync(cancellationToken);
        var cycles = await db.WhoopCycles.AsNoTracking()
            .Where(c => c.Strain != null && (c.Date ?? c.StartTime) >= range.From && (c.Date ?? c.StartTime) < range.Until)
            .Select(c => new { Day = c.Date ?? c.StartTime, c.StartTime, c.Strain })
            .ToListAsync(cancellationToken);

        var recoveryByDay = recoveries.GroupBy(r => DateOnly.FromDateTime(r.Date)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
        var sleepByDay = nights.GroupBy(s => DateOnly.FromDateTime(s.Date))
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.EndTime)!.TotalSleepHours);
        var strainByDay = cycles.GroupBy(c => DateOnly.FromDateTime(c.Day!.Value))
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.StartTime)!.Strain);

        var days = new List<InsightDay>(range.Days);
        for (var date = range.Start; date <= range.End; date = date.AddDays(1))
        {
            var (commits, hours, late) = codingDays.GetValueOrDefault(date);
            var recovery = recoveryByDay.GetValueOrDefault(date);
            days.Add(new InsightDay(
                date, commits, recovery?.RecoveryScore, sleepByDay.GetValueOrDefault(date), hours, late, recovery?.HrvRmssd,
                strainByDay.GetValueOrDefault(date), recovery?.RestingHeartRate));
        }

        return days;
    }

    /// <summary>The findings over days that have both measures; without GitHub data no day counts (0 would be a guess).</summary>
    public static CodingInsights Analyse(
        DateRange range, IReadOnlyList<InsightDay> days, bool hasGitHubData,
        IReadOnlyList<InsightDay>? previousDays = null, DayOfWeek firstDayOfWeek = DayOfWeek.Monday)
    {
        var counted = hasGitHubData ? days : [];
        var recoveryPairs = counted.Where(d => d.Recovery is not null).Select(d => (d.Recovery!.Value, (double)d.Commits)).ToList();
        var sleepPairs = counted.Where(d => d.SleepHours is not null).Select(d => (d.SleepHours!.Value, (double)d.Commits)).ToList();
        var previous = previousDays ?? [];
        return new CodingInsights(
            range, days, hasGitHubData, days.Any(d => d.Recovery is not null || d.SleepHours is not null || d.Hrv is not null || d.Strain is not null),
            CorrelationFinding.Describe(recoveryPairs, RecoveryWording),
            CorrelationFinding.Describe(sleepPairs, SleepWording),
            Findings(counted),
            Weekdays(days, hasGitHubData, firstDayOfWeek),
            new PeriodComparison(
                PreviousOf(range), MeasureAverages.Of([.. days], hasGitHubData), MeasureAverages.Of([.. previous], hasGitHubData),
                previous.Any(d => d.Commits > 0 || d.Recovery is not null || d.SleepHours is not null || d.Strain is not null)));
    }

    private static List<WeekdayAverages> Weekdays(IReadOnlyList<InsightDay> days, bool hasGitHubData, DayOfWeek firstDayOfWeek) =>
        Enumerable.Range(0, 7)
            .Select(i => (DayOfWeek)(((int)firstDayOfWeek + i) % 7))
            .Select(weekday =>
            {
                var these = days.Where(d => d.Date.DayOfWeek == weekday).ToList();
                return new WeekdayAverages(weekday, these.Count, MeasureAverages.Of(these, hasGitHubData));
            })
            .ToList();

    /// <summary>Every body measure against every coding measure, on the same day and with the body one day later, each with its q.</summary>
    private static List<PairFinding> Findings(IReadOnlyList<InsightDay> days)
    {
        var byDate = days.ToDictionary(d => d.Date);
        var findings = new List<PairFinding>();
        foreach (var lag in new[] { 0, 1 })
        {
            foreach (var body in InsightMeasures.Body)
            {
                foreach (var codingMeasure in InsightMeasures.Coding)
                {
                    var pairs = days
                        .Select(d => (Body: byDate.GetValueOrDefault(d.Date.AddDays(lag)) is { } later ? body.Value(later) : null, Coding: codingMeasure.Value(d)))
                        .Where(p => p.Body is not null && p.Coding is not null)
                        .Select(p => (p.Body!.Value, p.Coding!.Value))
                        .ToList();
                    findings.Add(PairFinding.Of(body, codingMeasure, lag, pairs));
                }
            }
        }

        // 24 pairs tested at once: q (Benjamini–Hochberg) says which hold beyond what chance alone would show.
        var q = FalseDiscovery.Adjust(findings.Select(f => f.P).ToList());
        return findings.Select((finding, i) => finding with { Q = q[i] }).ToList();
    }
}
