using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Insights;

/// <summary>One day of the range: the owner's commits beside that morning's recovery and the night's sleep.</summary>
public sealed record InsightDay(DateOnly Date, int Commits, double? Recovery, double? SleepHours);

public sealed record CodingInsights(
    DateRange Range, IReadOnlyList<InsightDay> Days, bool HasGitHubData, bool HasWhoopData,
    CorrelationFinding RecoveryAndCommits, CorrelationFinding SleepAndCommits);

/// <summary>
/// Puts coding activity (the owner's commits per day) beside WHOOP's recovery and sleep by day. Both sides count the
/// athlete's local days: each commit is placed by the time-zone offset WHOOP recorded for the cycle it fell in, so a late
/// commit is on the evening it was made, at home or abroad. Without WHOOP data, commit days are UTC days.
/// </summary>
public sealed class InsightsReadService(IDbContextFactory<TrackerDbContext> contexts, OwnerCalendarOptions? calendar = null)
{
    public static readonly CorrelationWording RecoveryWording =
        new("recovery", "higher recovery", "commits", "you committed more", "you committed less");

    public static readonly CorrelationWording SleepWording =
        new("sleep", "more sleep the night before", "commits", "you committed more", "you committed less");

    public async Task<CodingInsights> GetAsync(DateRange range, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hasGitHub = await db.Projects.AnyAsync(cancellationToken);
        var commitTimes = await db.ProjectCommits.AsNoTracking()
            .Where(c => c.AuthoredAt >= range.From - LocalClock.OffsetMargin && c.AuthoredAt < range.Until + LocalClock.OffsetMargin)
            .Select(c => c.AuthoredAt)
            .ToListAsync(cancellationToken);
        var zones = await LocalClock.ReadAsync(db, range.From, range.Until, calendar?.TimeZone, cancellationToken);
        var recoveries = await db.WhoopRecoveries.AsNoTracking()
            .Where(r => r.Date >= range.From && r.Date < range.Until && r.RecoveryScore != null)
            .Select(r => new { r.Date, r.Id, r.RecoveryScore })
            .ToListAsync(cancellationToken);
        var nights = await db.WhoopSleeps.AsNoTracking()
            .Where(s => s.Date >= range.From && s.Date < range.Until && !s.IsNap && s.TotalSleepHours != null)
            .Select(s => new { s.Date, s.EndTime, s.TotalSleepHours })
            .ToListAsync(cancellationToken);

        var commitsByDay = commitTimes.GroupBy(zones.LocalDate).ToDictionary(g => g.Key, g => g.Count());
        var recoveryByDay = recoveries.GroupBy(r => DateOnly.FromDateTime(r.Date))
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!.RecoveryScore);
        var sleepByDay = nights.GroupBy(s => DateOnly.FromDateTime(s.Date))
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.EndTime)!.TotalSleepHours);

        var days = new List<InsightDay>(range.Days);
        for (var date = range.Start; date <= range.End; date = date.AddDays(1))
        {
            days.Add(new InsightDay(
                date, commitsByDay.GetValueOrDefault(date), recoveryByDay.GetValueOrDefault(date), sleepByDay.GetValueOrDefault(date)));
        }

        return Analyse(range, days, hasGitHub);
    }

    /// <summary>The findings over days that have both measures; without GitHub data no day counts (0 would be a guess).</summary>
    public static CodingInsights Analyse(DateRange range, IReadOnlyList<InsightDay> days, bool hasGitHubData)
    {
        var counted = hasGitHubData ? days : [];
        var recoveryPairs = counted.Where(d => d.Recovery is not null).Select(d => (d.Recovery!.Value, (double)d.Commits)).ToList();
        var sleepPairs = counted.Where(d => d.SleepHours is not null).Select(d => (d.SleepHours!.Value, (double)d.Commits)).ToList();
        return new CodingInsights(
            range, days, hasGitHubData, days.Any(d => d.Recovery is not null || d.SleepHours is not null),
            CorrelationFinding.Describe(recoveryPairs, RecoveryWording),
            CorrelationFinding.Describe(sleepPairs, SleepWording));
    }
}
