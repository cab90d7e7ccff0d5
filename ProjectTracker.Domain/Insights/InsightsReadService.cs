using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;

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
public sealed class InsightsReadService(IDbContextFactory<TrackerDbContext> contexts)
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
            .Where(c => c.AuthoredAt >= range.From - OffsetMargin && c.AuthoredAt < range.Until + OffsetMargin)
            .Select(c => c.AuthoredAt)
            .ToListAsync(cancellationToken);
        var zones = await LocalZonesAsync(db, range, cancellationToken);
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

    // WHOOP's offsets run from −12 to +14 hours: a local day's commits lie within this of its UTC day.
    private static readonly TimeSpan OffsetMargin = TimeSpan.FromHours(14);

    /// <summary>The cycles' starts and offsets around the range, and the newest one before it for what precedes them.</summary>
    private static async Task<LocalZones> LocalZonesAsync(TrackerDbContext db, DateRange range, CancellationToken cancellationToken)
    {
        var from = range.From - TimeSpan.FromDays(2);
        var cycles = db.WhoopCycles.AsNoTracking().Where(c => c.StartTime != null && c.TimezoneOffset != null);
        var inRange = await cycles
            .Where(c => c.StartTime >= from && c.StartTime < range.Until + OffsetMargin)
            .Select(c => new { Start = c.StartTime!.Value, c.TimezoneOffset })
            .ToListAsync(cancellationToken);
        var before = await cycles
            .Where(c => c.StartTime < from)
            .OrderByDescending(c => c.StartTime)
            .Select(c => new { Start = c.StartTime!.Value, c.TimezoneOffset })
            .FirstOrDefaultAsync(cancellationToken);
        var changes = inRange.Append(before)
            .Where(c => c is not null && WhoopDays.ParseOffset(c.TimezoneOffset) is not null)
            .Select(c => (c!.Start, WhoopDays.ParseOffset(c.TimezoneOffset)!.Value))
            .OrderBy(c => c.Start)
            .ToList();
        return new LocalZones(changes);
    }

    /// <summary>The athlete's offset over time: each cycle's from its start; before the first known, the first's; else UTC.</summary>
    internal sealed class LocalZones(IReadOnlyList<(DateTime Start, TimeSpan Offset)> changes)
    {
        private readonly DateTime[] _starts = [.. changes.Select(c => c.Start)];

        public DateOnly LocalDate(DateTime utc)
        {
            if (changes.Count == 0)
            {
                return WhoopDays.LocalDate(utc, TimeSpan.Zero);
            }

            // The last cycle started at or before the moment; BinarySearch gives the complement of the next one's index.
            var index = Array.BinarySearch(_starts, utc);
            var current = index >= 0 ? index : Math.Max(0, ~index - 1);
            return WhoopDays.LocalDate(utc, changes[current].Offset);
        }
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
