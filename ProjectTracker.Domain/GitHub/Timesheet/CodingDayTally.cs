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

    // Moments further than any offset from the range cannot fall on one of its local days.
    private readonly DateTime _from = range.From - LocalClock.OffsetMargin, _until = range.Until + LocalClock.OffsetMargin;

    public void AddCommit(TimelineCommit commit)
    {
        if (!Counts(commit.ProjectId) || commit.Time < _from || commit.Time > _until)
        {
            return;
        }

        var local = clock.ToLocal(commit.Time);
        if (Day(commit.ProjectId, DateOnly.FromDateTime(local)) is { } day)
        {
            day.Commits++;
        }

        if (CodingDaysReader.LateNightEvening(local) is { } evening && Day(commit.ProjectId, evening) is { } night)
        {
            night.LateNightCommits++;
        }
    }

    public void AddStretch(CommitStretch stretch)
    {
        if (!Counts(stretch.ProjectId) || stretch.Until < _from || stretch.From > _until)
        {
            return;
        }

        if (stretch.OpensSession && Day(stretch.ProjectId, clock.LocalDate(stretch.Until)) is { } started)
        {
            started.Sessions++;
        }

        foreach (var (date, time) in clock.ByLocalDay(stretch.From, stretch.Until))
        {
            if (Day(stretch.ProjectId, date) is { } day)
            {
                day.Time += time;
            }
        }
    }

    public List<ProjectDay> ToList() => _days
        .OrderBy(d => d.Key.ProjectId).ThenBy(d => d.Key.Date)
        .Select(d => new ProjectDay(d.Key.ProjectId, d.Key.Date, d.Value.Commits, d.Value.Sessions, d.Value.Time.TotalMinutes, d.Value.LateNightCommits))
        .ToList();

    private bool Counts(int project) => projectId is not { } only || only == project;

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
