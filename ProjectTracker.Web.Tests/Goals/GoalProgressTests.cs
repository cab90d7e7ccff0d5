using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Goals;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Goals;

/// <summary>
/// Goal progress week by week: weeks from the owner's first day of the week, coding hours as the timesheet's week total,
/// active days, the week's average sleep, the current week counted so far. Today is Wednesday 18 March 2026 (UTC).
/// </summary>
public sealed class GoalProgressTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 18, 12, 0, 0, TimeSpan.Zero));
    private IDbContextFactory<TrackerDbContext> _contexts = null!;

    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateOnly Day(int day) => new(2026, 3, day);

    [Fact]
    public async Task ForWeeks_WeeksStartingOnSunday_SplitTheWeekendThatAMondayWeekHoldsWhole()
    {
        // Saturday the 14th 19:00 and 20:00 (3 h with the 2 h lead-in), Sunday the 15th 10:00 and 11:00 (3 h).
        await SeedCommitsAsync(Utc(14, 19), Utc(14, 20), Utc(15, 10), Utc(15, 11));
        await Goals().SetAsync(new GoalTargets(WeeklyCodingHours: 3, WeeklyActiveDays: 2));

        var sunday = await Progress(DayOfWeek.Sunday).ForWeeksAsync(Day(18), 2);
        var monday = await Progress(DayOfWeek.Monday).ForWeeksAsync(Day(18), 2);

        Assert.Equal([(Day(15), true), (Day(8), false)], sunday.Select(w => (w.WeekStart, w.Partial)));
        Assert.Equal([(3.0, true, 1.0, false), (3.0, true, 1.0, false)], sunday.Select(Figures));
        Assert.Equal([(Day(16), true), (Day(9), false)], monday.Select(w => (w.WeekStart, w.Partial)));
        Assert.Equal([(0.0, false, 0.0, false), (6.0, true, 2.0, true)], monday.Select(Figures));
    }

    [Fact]
    public async Task ForWeeks_CodingHours_AreTheTimesheetsWeekTotals()
    {
        // Two projects the same evenings (wall-clock hours, decision 0015), one session over midnight into Monday the 9th.
        await SeedCommitsAsync("alpha", Utc(3, 18), Utc(3, 19), Utc(8, 22), Utc(9, 0, 30));
        await SeedCommitsAsync("beta", Utc(3, 18, 30), Utc(3, 20, 15), Utc(8, 23, 15), Utc(12, 9));
        await Goals().SetAsync(new GoalTargets(WeeklyCodingHours: 2.5));
        var range = new DateRange(Day(2), Day(22));
        var calendar = new OwnerCalendarOptions();

        var weeks = await Progress(DayOfWeek.Monday).ForWeeksAsync(Day(16), 3);
        var sheet = Domain.GitHub.Timesheet.Timesheet.Build(await Reader(calendar).ReadAsync(range), TimesheetGroup.Week, calendar);

        Assert.Equal(sheet.Periods.Reverse().Select(p => (double?)(sheet.ByPeriod[p].Minutes / 60)), weeks.Select(w => w.Of(GoalKind.WeeklyCodingHours)!.Actual));
        // The 3rd: 16:00–20:15. The 8th: 20:00 to 00:30, four hours on Sunday and half an hour on Monday. The 12th: 07:00–09:00.
        Assert.Equal([0, 2.5, 8.25], weeks.Select(w => w.Of(GoalKind.WeeklyCodingHours)!.Actual!.Value));
        Assert.Equal([false, true, true], weeks.Select(w => w.Of(GoalKind.WeeklyCodingHours)!.Met));
    }

    [Fact]
    public async Task ForWeek_Sleep_IsTheAverageOfTheWeeksScoredNightsWithoutNaps()
    {
        await SeedNightsAsync(
            Night(9, 7), Night(10, 8), Night(11, 1, nap: true), Night(12, null, "PENDING_SCORE"), Night(13, 6.5, endHour: 6),
            Night(13, 7.5, endHour: 8), // the later of the two nights ending on the 13th
            Night(16, 6), Night(17, 8.5));
        await Goals().SetAsync(new GoalTargets(DailySleepHours: 7.5));

        var week = await Progress(DayOfWeek.Monday).ForWeekAsync(Day(12));
        var current = await Progress(DayOfWeek.Monday).ForWeekAsync(Day(18));
        var empty = await Progress(DayOfWeek.Monday).ForWeekAsync(Day(2));

        Assert.Equal(new GoalResult(GoalKind.DailySleepHours, 7.5, 7.5, true), Assert.Single(week.Goals));
        Assert.Equal((true, 7.25, false), (current.Partial, current.Goals[0].Actual!.Value, current.Goals[0].Met));
        Assert.Equal(new GoalResult(GoalKind.DailySleepHours, 7.5, null, false), Assert.Single(empty.Goals));
    }

    [Fact]
    public async Task ForWeeks_NoGoals_WeeksWithoutGoals_AndSetReplacesTheWholeSet()
    {
        await SeedCommitsAsync(Utc(16, 9));

        var none = await Progress(DayOfWeek.Monday).ForWeeksAsync(Day(16), 2);
        await Goals().SetAsync(new GoalTargets(20, 7.5, 5));
        await Goals().SetAsync(new GoalTargets(WeeklyActiveDays: 1));
        var stored = await Goals().GetAsync();
        var after = await Progress(DayOfWeek.Monday).ForWeekAsync(Day(16));

        Assert.All(none, w => Assert.Empty(w.Goals));
        Assert.Equal(new GoalTargets(WeeklyActiveDays: 1), stored);
        Assert.Equal(new GoalResult(GoalKind.WeeklyActiveDays, 1, 1, true), Assert.Single(after.Goals));
    }

    [Theory]
    [InlineData(-1.0, null, null, "weekly_coding_hours")]
    [InlineData(168.5, null, null, "weekly_coding_hours")]
    [InlineData(null, 24.1, null, "daily_sleep_hours")]
    [InlineData(null, null, 8, "weekly_active_days")]
    [InlineData(null, null, -1, "weekly_active_days")]
    public async Task Set_TargetOutOfRange_ThrowsNamingTheGoal_AndKeepsTheOldOnes(double? coding, double? sleep, int? days, string name)
    {
        await Goals().SetAsync(new GoalTargets(10));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Goals().SetAsync(new GoalTargets(coding, sleep, days)));

        Assert.Equal(name, error.ParamName);
        Assert.Equal(new GoalTargets(10), await Goals().GetAsync());
    }

    private static (double Hours, bool HoursMet, double Days, bool DaysMet) Figures(WeekGoals week) =>
        (week.Of(GoalKind.WeeklyCodingHours)!.Actual!.Value, week.Of(GoalKind.WeeklyCodingHours)!.Met,
         week.Of(GoalKind.WeeklyActiveDays)!.Actual!.Value, week.Of(GoalKind.WeeklyActiveDays)!.Met);

    private GoalService Goals() => new(_contexts, _time);

    private CodingDaysReader Reader(OwnerCalendarOptions calendar) =>
        TestReadModels.CodingDays(_contexts, new OwnerDays(_contexts, calendar, _time));

    private GoalProgress Progress(DayOfWeek firstDay) =>
        new(_contexts, Goals(), Reader(new OwnerCalendarOptions { FirstDayOfWeek = firstDay }));

    private static WhoopSleep Night(int day, double? hours, string state = "SCORED", bool nap = false, int endHour = 7) => new()
    {
        SleepId = $"night-{day}-{endHour}-{nap}", Date = Day(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        StartTime = Utc(day, endHour).AddHours(-8), EndTime = Utc(day, endHour), TotalSleepHours = hours, ScoreState = state, IsNap = nap,
    };

    private async Task SeedNightsAsync(params WhoopSleep[] nights)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        db.WhoopSleeps.AddRange(nights);
        await db.SaveChangesAsync();
    }

    private Task SeedCommitsAsync(params DateTime[] authoredAt) => SeedCommitsAsync("alpha", authoredAt);

    private async Task SeedCommitsAsync(string name, params DateTime[] authoredAt)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var project = new Project { Name = name };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        db.ProjectCommits.AddRange(authoredAt.Select((t, i) => new ProjectCommit { ProjectId = project.Id, Sha = $"{name}{i}", AuthoredAt = t, CommittedAt = t }));
        await db.SaveChangesAsync();
    }

    public async Task InitializeAsync() => _contexts = await TestContexts.MigrateAsync(_database);

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
