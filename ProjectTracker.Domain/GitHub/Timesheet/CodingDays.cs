using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.GitHub.Timesheet;

/// <summary>A project as the timesheet names it.</summary>
public sealed record ProjectLabel(int Id, string Name, string FullName);

/// <summary>
/// One project's work on one of the owner's local days: commits counted on the day each was made, sessions on the day
/// each started (for the project whose commit opened it), its share of the day's wall-clock coding minutes (decision
/// 0015), and late-night commits (22:00 to 04:00) on the evening the night began.
/// </summary>
public sealed record ProjectDay(int ProjectId, DateOnly Date, int Commits, int Sessions, double Minutes, int LateNightCommits = 0)
{
    /// <summary>A commit, a session or coding time: a row of the timesheet and the exports.</summary>
    public bool HasWork => Commits > 0 || Sessions > 0 || Minutes > 0;
}

public sealed record CodingDays(DateRange Range, IReadOnlyList<ProjectLabel> Projects, IReadOnlyList<ProjectDay> Days);

/// <summary>
/// Lays the owner's commits out by project and local day, with the git-hours sessions of <c>time_spent</c> found over
/// all projects together and shared between them (<see cref="CodingSessions"/>, <c>GitHub:SessionGapMinutes</c> and
/// <c>GitHub:SessionStartMinutes</c>).
/// </summary>
public sealed class CodingDaysReader(
    IDbContextFactory<TrackerDbContext> contexts, OwnerDays owner, GitHubReadModel github)
{
    public OwnerDays Owner => owner;

    public async Task<CodingDays> ReadAsync(DateRange range, int? projectId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectRows = db.Projects.AsNoTracking();
        if (projectId is { } id)
        {
            projectRows = projectRows.Where(p => p.Id == id);
        }

        var projects = (await projectRows.Select(p => new { p.Id, p.Name, p.FullName, p.HtmlUrl }).ToListAsync(cancellationToken))
            .Select(p => new ProjectLabel(p.Id, p.Name, ProjectFullName.Of(p.Name, p.FullName, p.HtmlUrl)))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var (clock, stretches) = await StretchesNearAsync(range, cancellationToken);
        var tally = new CodingDayTally(range, clock, projectId);
        foreach (var stretch in stretches)
        {
            tally.Add(stretch);
        }

        return new CodingDays(range, projects, tally.ToList());
    }

    /// <summary>
    /// The local time of each of the owner's commits (all projects) made within <paramref name="fromUtc"/> to
    /// <paramref name="untilUtc"/>, oldest first, placed by the same clock as the day totals (decision 0002).
    /// </summary>
    public async Task<IReadOnlyList<DateTime>> ReadCommitTimesAsync(DateTime fromUtc, DateTime untilUtc, CancellationToken cancellationToken = default)
    {
        var timeline = await github.GetTimelineAsync(cancellationToken);
        var clock = await owner.ReadClockAsync(fromUtc, untilUtc, cancellationToken);
        return timeline.Between(fromUtc, untilUtc)
            .Where(s => s.Until >= fromUtc && s.Until < untilUtc) // a stretch ends at its commit
            .Select(s => clock.ToLocal(s.Until))
            .ToList();
    }

    /// <summary>The range's commits and coding time by local weekday and hour, over all projects.</summary>
    public async Task<Punchcard> ReadPunchcardAsync(DateRange range, CancellationToken cancellationToken = default)
    {
        var (clock, stretches) = await StretchesNearAsync(range, cancellationToken);
        return Punchcard.Build(range, clock, stretches);
    }

    /// <summary>
    /// Every project's commits, not only the range's or the project's: hours are wall-clock hours over all the owner's
    /// work (decision 0015), and a session that starts before the range may run into it. The shared timeline holds them
    /// in time order, so only the stretches near the range are visited; the clock places them on local days.
    /// </summary>
    private async Task<(LocalClock Clock, IEnumerable<CommitStretch> Stretches)> StretchesNearAsync(DateRange range, CancellationToken cancellationToken)
    {
        var (from, until) = (range.From - LocalClock.OffsetMargin, range.Until + LocalClock.OffsetMargin);
        var timeline = await github.GetTimelineAsync(cancellationToken);
        var clock = await owner.ReadClockAsync(from, until, cancellationToken);
        return (clock, timeline.Between(from, until));
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
