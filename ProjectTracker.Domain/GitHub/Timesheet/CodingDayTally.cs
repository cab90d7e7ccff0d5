using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.GitHub.Timesheet;

/// <summary>
/// Adds up a range's commits, sessions and coding time per project and local day, for every project or only
/// <c>projectId</c>. Time is counted on the local day it lies in (a stretch over midnight is cut there), a session on the
/// day its first commit was made, for the project of that commit, so sessions add up over projects as hours do.
/// </summary>
internal sealed class CodingDayTally(DateRange range, LocalClock clock, int? projectId)
{
    private sealed class Tally
    {
        public int Commits, Sessions, LateNightCommits;
        public TimeSpan Time;
    }

    private readonly Dictionary<(int ProjectId, DateOnly Date), Tally> _days = [];

    /// <summary>A commit (made at the end of its stretch), the session it may open, and the time it owns.</summary>
    public void Add(CommitStretch stretch)
    {
        if (projectId is { } only && only != stretch.ProjectId)
        {
            return;
        }

        var local = clock.ToLocal(stretch.Until);
        if (Day(stretch.ProjectId, DateOnly.FromDateTime(local)) is { } day)
        {
            day.Commits++;
            day.Sessions += stretch.OpensSession ? 1 : 0;
        }

        if (CodingDaysReader.LateNightEvening(local) is { } evening && Day(stretch.ProjectId, evening) is { } night)
        {
            night.LateNightCommits++;
        }

        foreach (var (date, time) in clock.ByLocalDay(stretch.From, stretch.Until))
        {
            if (Day(stretch.ProjectId, date) is { } part)
            {
                part.Time += time;
            }
        }
    }

    public List<ProjectDay> ToList() => _days
        .OrderBy(d => d.Key.ProjectId).ThenBy(d => d.Key.Date)
        .Select(d => new ProjectDay(d.Key.ProjectId, d.Key.Date, d.Value.Commits, d.Value.Sessions, d.Value.Time.TotalMinutes, d.Value.LateNightCommits))
        .ToList();

    /// <summary>The project's tally for a day of the range, or null outside it.</summary>
    private Tally? Day(int project, DateOnly date)
    {
        if (date < range.Start || date > range.End)
        {
            return null;
        }

        if (!_days.TryGetValue((project, date), out var tally))
        {
            _days[(project, date)] = tally = new Tally();
        }

        return tally;
    }
}
