namespace ProjectTracker.Simulators.GitHub;

/// <summary>
/// How <see cref="DeveloperYearGenerator"/>'s developer spends a day: holidays (a summer fortnight's worth, the last week
/// of the year, a few single days) and most days away from home without commits; weekends mostly off and short when not;
/// working days in a morning and an afternoon session; an evening session now and then, some of them past midnight
/// (never on a day the time zone changes, so no evening lands on the wrong day).
/// </summary>
internal sealed class DeveloperCalendar
{
    private readonly Random _random;
    private readonly Func<DateOnly, TimeSpan> _offsetOn;
    private readonly TimeSpan _home;
    private readonly HashSet<DateOnly> _holidays = [];

    public DeveloperCalendar(Random random, DateOnly from, DateOnly until, Func<DateOnly, TimeSpan> offsetOn)
    {
        _random = random;
        _offsetOn = offsetOn;
        var days = Enumerable.Range(0, until.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        _home = days.GroupBy(offsetOn).MaxBy(g => g.Count())!.Key;
        for (var year = from.Year; year <= until.Year; year++)
        {
            var summer = new DateOnly(year, 7, 10).AddDays(random.Next(0, 35));
            _holidays.UnionWith(Enumerable.Range(0, random.Next(9, 15)).Select(summer.AddDays));
            _holidays.UnionWith(Enumerable.Range(0, 10).Select(new DateOnly(year, 12, 23).AddDays));
        }

        _holidays.UnionWith(Enumerable.Range(0, 6).Select(_ => days[random.Next(days.Count)]));
    }

    public void Fill(DeveloperYearGenerator.DayPlan plan)
    {
        var day = plan.Day;
        var away = _offsetOn(day) != _home;
        if (_holidays.Contains(day) || (away && _random.NextDouble() < 0.85))
        {
            return;
        }

        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            if (_random.NextDouble() < (day.DayOfWeek == DayOfWeek.Saturday ? 0.3 : 0.15))
            {
                plan.AddSession(At(day, 10, _random.Next(0, 300)), _random.Next(1, 6), At(day, 18, 0), (15, 60), plan.Active[^1]);
            }
        }
        else if (_random.NextDouble() >= 0.04)
        {
            // Meetings all day now and then; otherwise a handful of commits, some days many.
            var commits = _random.NextDouble() < 0.08 ? 0 : _random.Next(1, 9) + (_random.NextDouble() < 0.35 ? _random.Next(0, 8) : 0);
            var morning = Math.Max(1, commits * _random.Next(3, 7) / 10);
            plan.AddSession(At(day, 9, _random.Next(0, 91)), Math.Min(commits, morning), At(day, 12, 30), (15, 55));
            plan.AddSession(At(day, 13, _random.Next(15, 75)), commits - morning, At(day, 18, 0), (15, 60));
        }

        if (!away && _offsetOn(day.AddDays(1)) == _offsetOn(day) && _random.NextDouble() < 0.13)
        {
            Evening(plan);
        }
    }

    /// <summary>A couple of commits on the side project after dinner; a third of the time late into the night.</summary>
    private void Evening(DeveloperYearGenerator.DayPlan plan)
    {
        var repository = plan.Active[_random.Next(plan.Active.Count)];
        if (_random.NextDouble() < 0.3)
        {
            plan.AddSession(At(plan.Day, 23, _random.Next(0, 45)), _random.Next(2, 5), At(plan.Day, 25, 30), (15, 40), repository);
        }
        else
        {
            plan.AddSession(At(plan.Day, 20, _random.Next(0, 150)), _random.Next(1, 5), At(plan.Day, 23, 30), (15, 45), repository);
        }
    }

    private static DateTime At(DateOnly day, int hour, int minutes) => day.ToDateTime(TimeOnly.MinValue).AddHours(hour).AddMinutes(minutes);
}

/// <summary>
/// Which repositories are worked on in a week (Monday to Sunday): a main project held for three to eight weeks, a side
/// project for two to five, and in about a third of the weeks an odd job on one more. The longest-unused come back first.
/// </summary>
internal sealed class WeekPlanner(Random random, IReadOnlyList<SimulatedRepository> repositories)
{
    private readonly Dictionary<SimulatedRepository, int> _lastUsed = repositories.ToDictionary(r => r, _ => int.MinValue / 2);
    private readonly Dictionary<DateOnly, IReadOnlyList<SimulatedRepository>> _weeks = [];
    private SimulatedRepository? _main;
    private SimulatedRepository? _side;
    private int _mainWeeksLeft;
    private int _sideWeeksLeft;
    private int _week;

    public IReadOnlyList<SimulatedRepository> ActiveIn(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        if (_weeks.TryGetValue(monday, out var active))
        {
            return active;
        }

        _week++;
        var half = repositories.Count / 2;
        if (--_mainWeeksLeft <= 0 || _main is null)
        {
            (_main, _mainWeeksLeft) = (Next(repositories.Take(half)), random.Next(3, 9));
        }

        if (--_sideWeeksLeft <= 0 || _side is null)
        {
            (_side, _sideWeeksLeft) = (Next(repositories.Skip(half)), random.Next(2, 6));
        }

        List<SimulatedRepository> week = [_main, _side];
        if (random.NextDouble() < 0.33)
        {
            week.Add(Next(repositories.Except(week)));
        }

        week.ForEach(r => _lastUsed[r] = _week);
        return _weeks[monday] = week;
    }

    private SimulatedRepository Next(IEnumerable<SimulatedRepository> pool) =>
        pool.Where(r => r != _main && r != _side).OrderBy(r => _lastUsed[r] + random.Next(0, 6)).First();
}
