using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.GitHub.Timesheet;

/// <summary>A project as the timesheet names it.</summary>
public sealed record ProjectLabel(int Id, string Name, string FullName);

/// <summary>
/// One project's work on one of the owner's local days: commits counted on the day each was made, sessions (and their
/// hours) on the day each started, and late-night commits (22:00 to 04:00) on the evening the night began.
/// </summary>
public sealed record ProjectDay(int ProjectId, DateOnly Date, int Commits, int Sessions, double Minutes, int LateNightCommits = 0);

public sealed record CodingDays(DateRange Range, IReadOnlyList<ProjectLabel> Projects, IReadOnlyList<ProjectDay> Days);

/// <summary>
/// Lays the owner's commits out by project and local day, with the git-hours sessions of <c>time_spent</c>
/// (<see cref="CodingSessions"/>, <c>GitHub:SessionGapMinutes</c> and <c>GitHub:SessionStartMinutes</c>).
/// </summary>
public sealed class CodingDaysReader(IDbContextFactory<TrackerDbContext> contexts, OwnerDays owner, GitHubOptions options)
{
    public OwnerDays Owner => owner;

    public async Task<CodingDays> ReadAsync(DateRange range, int? projectId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectRows = db.Projects.AsNoTracking();
        var commitRows = db.ProjectCommits.AsNoTracking();
        if (projectId is { } id)
        {
            projectRows = projectRows.Where(p => p.Id == id);
            commitRows = commitRows.Where(c => c.ProjectId == id);
        }

        var projects = (await projectRows.Select(p => new { p.Id, p.Name, p.FullName, p.HtmlUrl }).ToListAsync(cancellationToken))
            .Select(p => new ProjectLabel(p.Id, p.Name, ProjectFullName.Of(p.Name, p.FullName, p.HtmlUrl)))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        // Every commit, not only the range's: a session that starts in the range may run past it, and one that starts
        // before it must not be mistaken for one starting at its first commit inside. A personal account's history is small.
        var commits = await commitRows.Select(c => new { c.ProjectId, c.AuthoredAt }).ToListAsync(cancellationToken);
        var clock = await owner.ReadClockAsync(range.From - LocalClock.OffsetMargin, range.Until + LocalClock.OffsetMargin, cancellationToken);
        var gap = TimeSpan.FromMinutes(options.SessionGapMinutes);
        var start = TimeSpan.FromMinutes(options.SessionStartMinutes);

        var days = new List<ProjectDay>();
        foreach (var project in commits.GroupBy(c => c.ProjectId))
        {
            var times = project.Select(c => c.AuthoredAt).ToList();
            var local = times.Select(clock.ToLocal).ToList();
            var commitsByDay = local.Select(DateOnly.FromDateTime).Where(InRange).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
            var lateByEvening = local.Select(LateNightEvening).OfType<DateOnly>().Where(InRange).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
            var sessionsByDay = CodingSessions.Split(times, gap, start)
                .Select(s => (Day: clock.LocalDate(s.FirstCommit), s.Duration))
                .Where(s => InRange(s.Day))
                .GroupBy(s => s.Day)
                .ToDictionary(g => g.Key, g => (Count: g.Count(), Minutes: g.Aggregate(TimeSpan.Zero, (t, s) => t + s.Duration).TotalMinutes));
            foreach (var day in commitsByDay.Keys.Union(sessionsByDay.Keys).Union(lateByEvening.Keys).Order())
            {
                var sessions = sessionsByDay.GetValueOrDefault(day);
                days.Add(new ProjectDay(
                    project.Key, day, commitsByDay.GetValueOrDefault(day), sessions.Count, sessions.Minutes, lateByEvening.GetValueOrDefault(day)));
            }
        }

        return new CodingDays(range, projects, days);

        bool InRange(DateOnly day) => day >= range.Start && day <= range.End;
    }

    /// <summary>Late at night: from 22:00 to 04:00 local time.</summary>
    public const int LateNightFromHour = 22, LateNightUntilHour = 4;

    /// <summary>The evening a late-night commit's night began on, or null for a commit made in the day.</summary>
    public static DateOnly? LateNightEvening(DateTime local) => local.Hour switch
    {
        >= LateNightFromHour => DateOnly.FromDateTime(local),
        < LateNightUntilHour => DateOnly.FromDateTime(local).AddDays(-1),
        _ => null,
    };
}
