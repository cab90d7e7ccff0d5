using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.GitHub.Timesheet;

/// <summary>One hour of the week: <see cref="Weekday"/> 0 is Monday, <see cref="Hour"/> 0–23 local.</summary>
public sealed record PunchcardCell(int Weekday, int Hour, int Commits, TimeSpan Time);

/// <summary>
/// Coding by hour of the week over a range of local days: all 168 cells, Monday 00:00 first. A commit counts in the local
/// hour it was made; coding time is the stretches of decision 0015 (a session from <c>SessionStartMinutes</c> before its
/// first commit to its last) cut at local clock hours (<see cref="LocalClock.ByLocalHour"/>), only the range's days
/// counted, so the cells add up to the timesheet's total for the same range.
/// <see cref="RecordedOffsets"/>: the offsets WHOOP recorded that placed the range's commits (empty when the owner's time
/// zone placed them all).
/// </summary>
public sealed record Punchcard(DateRange Range, IReadOnlyList<PunchcardCell> Cells, IReadOnlyList<TimeSpan> RecordedOffsets)
{
    public const int Weekdays = 7, HoursPerDay = 24;

    public TimeSpan TotalTime => Cells.Aggregate(TimeSpan.Zero, (total, c) => total + c.Time);

    public int TotalCommits => Cells.Sum(c => c.Commits);

    /// <summary>Monday 0 to Sunday 6.</summary>
    public static int WeekdayOf(DateTime local) => ((int)local.DayOfWeek + 6) % 7;

    public static Punchcard Build(DateRange range, LocalClock clock, IEnumerable<CommitStretch> stretches)
    {
        var commits = new int[Weekdays * HoursPerDay];
        var ticks = new long[Weekdays * HoursPerDay];
        var offsets = new SortedSet<TimeSpan>();
        bool InRange(DateTime local) => DateOnly.FromDateTime(local) is var day && day >= range.Start && day <= range.End;
        static int Index(DateTime local) => (WeekdayOf(local) * HoursPerDay) + local.Hour;

        foreach (var stretch in stretches)
        {
            var made = clock.ToLocal(stretch.Until);
            if (InRange(made))
            {
                commits[Index(made)]++;
                if (clock.RecordedOffsetAt(stretch.Until) is { } offset)
                {
                    offsets.Add(offset);
                }
            }

            foreach (var (hour, time) in clock.ByLocalHour(stretch.From, stretch.Until))
            {
                if (InRange(hour))
                {
                    ticks[Index(hour)] += time.Ticks;
                }
            }
        }

        var cells = Enumerable.Range(0, Weekdays * HoursPerDay)
            .Select(i => new PunchcardCell(i / HoursPerDay, i % HoursPerDay, commits[i], TimeSpan.FromTicks(ticks[i])))
            .ToList();
        return new Punchcard(range, cells, [.. offsets]);
    }
}
