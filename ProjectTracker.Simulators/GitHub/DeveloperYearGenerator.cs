namespace ProjectTracker.Simulators.GitHub;

/// <summary>
/// Fills the GitHub simulator with a year of one believable developer (the demo's person), deterministic per seed: a
/// dozen repositories (<see cref="DeveloperRepositories"/>), of which two or three are worked on in any week (a main
/// project for three to eight weeks, a side project for two to five, now and then an odd job on a third); working days
/// of 0–15 commits between about 09:00 and 18:00 local time, fewer and shorter weekends, holidays and days away with
/// none, an evening session now and then (20:00 to 23:30, sometimes past midnight). No day holds more than
/// <see cref="MaxCommitsPerDay"/> commits, <see cref="MaxRepositoriesPerDay"/> repositories or
/// <see cref="MaxCodingHoursPerDay"/> coding hours by the git-hours rule with its default two-hour lead-in (decision
/// 0015): each session is budgeted at its lead-in plus its span, which is what it can count at most. Times are local to
/// the owner (<c>utcOffsetOn</c>, in the demo WHOOP's recorded offset of the day) and stored in UTC. Checked by
/// <c>DeveloperYearGeneratorTests</c>; <see cref="GitHubDataGenerator"/> stays the many-repository load for scale tests.
/// </summary>
public static class DeveloperYearGenerator
{
    public const int Repositories = 12;
    public const int MaxCommitsPerDay = 15;
    public const int MaxRepositoriesPerDay = 4;
    public const double MaxCodingHoursPerDay = 12;

    /// <summary>A day's budget: an hour short of the limit, so a twelve-hour day is rare rather than common.</summary>
    private static readonly TimeSpan DayHours = TimeSpan.FromHours(MaxCodingHoursPerDay - 1);

    /// <summary>The git-hours lead-in of a session (<c>GitHub:SessionStartMinutes</c>' default).</summary>
    private static readonly TimeSpan LeadIn = TimeSpan.FromMinutes(120);

    private static readonly string[] Messages =
    [
        "Fix off-by-one in the date range", "Add tests for the importer", "Refactor config loading", "Update dependencies",
        "Tidy up the README", "Handle empty input", "Speed up the main loop", "Rename things for clarity", "WIP",
        "Add CI workflow", "Log less on the happy path", "Fix flaky test", "Split the parser into two steps",
        "Validate settings at start", "Add a --dry-run flag", "Cache the last response", "Make errors say what to do",
    ];

    private static readonly string[] Collaborators = ["teammate-ana", "teammate-ben"];

    public static void Populate(GitHubSimulatorState state, Func<DateOnly, TimeSpan> utcOffsetOn, int days = 365, int seed = 11)
    {
        var random = new Random(seed);
        var now = state.Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now + utcOffsetOn(DateOnly.FromDateTime(now)));
        var repositories = DeveloperRepositories.Create(state, random, Repositories);
        var calendar = new DeveloperCalendar(random, today.AddDays(-days), today, utcOffsetOn);
        var weeks = new WeekPlanner(random, repositories);
        var commits = new List<(DateTime Utc, SimulatedRepository Repository, string? Author)>();
        var carry = DayCarry.None;
        for (var day = today.AddDays(-days); day <= today; day = day.AddDays(1))
        {
            var plan = new DayPlan(random, day, weeks.ActiveIn(day), carry);
            calendar.Fill(plan);
            var offset = utcOffsetOn(day);
            foreach (var (local, repository) in plan.Commits)
            {
                commits.Add((local - offset, repository, null));
                if (random.NextDouble() < 0.04) // a teammate's review fix (not the owner's: not counted for them)
                {
                    commits.Add((local - offset + TimeSpan.FromMinutes(random.Next(5, 50)), repository, Collaborators[random.Next(Collaborators.Length)]));
                }
            }

            carry = plan.Carry;
        }

        foreach (var (utc, repository, author) in commits.Where(c => c.Utc < now).OrderBy(c => c.Utc))
        {
            state.AddCommit(repository, utc, author, author is null ? Messages[random.Next(Messages.Length)] : "Review fixes");
        }

        Finish(state, repositories, random, now);
    }

    /// <summary>Creation dates before the first commit, code frequency that follows the commits, a long-idle one archived.</summary>
    private static void Finish(GitHubSimulatorState state, List<SimulatedRepository> repositories, Random random, DateTime now)
    {
        foreach (var repository in repositories)
        {
            var history = state.History(repository);
            repository.CreatedAt = (history.Count > 0 ? history[0].AuthoredAt : now).AddDays(-random.Next(20, 400));
            foreach (var week in history.GroupBy(c => GitHubDataGenerator.WeekStart(c.AuthoredAt)).OrderBy(w => w.Key))
            {
                repository.CodeFrequency.Add([week.Key, week.Sum(_ => random.Next(5, 300)), -week.Sum(_ => random.Next(0, 120))]);
            }
        }

        var idle = repositories.Where(r => r.Commits.Count > 0).MinBy(r => r.PushedAt);
        if (idle is not null && now - idle.PushedAt > TimeSpan.FromDays(90))
        {
            idle.Archived = true;
        }
    }

    /// <summary>What an evening past midnight leaves to the next day: its hours, commits and repository.</summary>
    internal sealed record DayCarry(TimeSpan Hours, int Commits, SimulatedRepository? Repository)
    {
        public static readonly DayCarry None = new(TimeSpan.Zero, 0, null);
    }

    /// <summary>
    /// One local day being filled, session by session, within its budget: commits, repositories and hours left after
    /// what the previous evening carried over.
    /// </summary>
    internal sealed class DayPlan(Random random, DateOnly day, IReadOnlyList<SimulatedRepository> active, DayCarry carry)
    {
        private readonly HashSet<SimulatedRepository> _repositories = carry.Repository is null ? [] : [carry.Repository];
        private TimeSpan _hoursLeft = DayHours - carry.Hours;
        private int _commitsLeft = MaxCommitsPerDay - carry.Commits;

        public DateOnly Day => day;
        public IReadOnlyList<SimulatedRepository> Active => active;
        public List<(DateTime Local, SimulatedRepository Repository)> Commits { get; } = [];
        public DayCarry Carry { get; private set; } = DayCarry.None;

        /// <summary>
        /// A session from <paramref name="start"/>: up to <paramref name="commits"/> commits minutes apart in
        /// <paramref name="repository"/> (or the day's projects), none after <paramref name="latest"/>, while its lead-in
        /// plus span fits the hours left. Commits after midnight count for the next day.
        /// </summary>
        public void AddSession(DateTime start, int commits, DateTime latest, (int Min, int Max) minutesApart, SimulatedRepository? repository = null)
        {
            if (commits <= 0)
            {
                return;
            }

            var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
            var current = repository ?? Pick(null);
            var time = start;
            var added = new List<(DateTime Local, SimulatedRepository Repository)>();
            while (added.Count < commits && time <= latest && LeadIn + (time - start) <= _hoursLeft
                   && (time >= midnight ? Carry.Commits + added.Count(c => c.Local >= midnight) < 3 : added.Count(c => c.Local < midnight) < _commitsLeft))
            {
                added.Add((time, current));
                current = repository ?? (random.NextDouble() < 0.2 ? Pick(current) : current);
                time = time.AddMinutes(random.Next(minutesApart.Min, minutesApart.Max + 1));
            }

            if (added.Count == 0)
            {
                return;
            }

            Commits.AddRange(added);
            _hoursLeft -= LeadIn + (added[^1].Local - added[0].Local);
            _commitsLeft -= added.Count(c => c.Local < midnight);
            var late = added.Where(c => c.Local >= midnight).ToList();
            if (late.Count > 0)
            {
                Carry = new DayCarry(late[^1].Local - midnight, late.Count, late[0].Repository);
            }
        }

        /// <summary>The main project mostly, the side project often, the odd job rarely; never a fifth repository in a day.</summary>
        private SimulatedRepository Pick(SimulatedRepository? other)
        {
            var roll = random.NextDouble();
            var wanted = active.Count > 2 && roll > 0.9 ? active[2] : roll > 0.62 && active.Count > 1 ? active[1] : active[0];
            if (wanted == other && active.Count > 1)
            {
                wanted = active.First(r => r != other);
            }

            if (!_repositories.Contains(wanted) && _repositories.Count >= MaxRepositoriesPerDay)
            {
                wanted = _repositories.First();
            }

            _repositories.Add(wanted);
            return wanted;
        }
    }
}
