using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Timesheet;

/// <summary>
/// Coding hours are wall-clock hours (decision 0015): sessions over all projects' commits, each local day holding only
/// the time that lies in it (session gap and start 120 minutes).
/// </summary>
public sealed class CodingDaysReaderTests : IAsyncLifetime
{
    private static readonly TimeSpan TwoHours = TimeSpan.FromMinutes(120);
    private static readonly DateRange March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
    private readonly SqliteTestDatabase _database = new();
    private IDbContextFactory<TrackerDbContext> _contexts = null!;

    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ReadAsync_SessionAcrossLocalMidnight_SplitsItsHoursAcrossTheDays()
    {
        // In Tokyo: alpha at 22:30 and 23:30 on the 10th, beta at 01:15 on the 11th; the session starts at 20:30.
        var alpha = await SeedProjectAsync("alpha", Utc(10, 13, 30), Utc(10, 14, 30));
        var beta = await SeedProjectAsync("beta", Utc(10, 16, 15));

        var days = await Reader(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).ReadAsync(March);

        Assert.Equal(
            [new ProjectDay(alpha, Day(10), 2, 1, 180, 2), new ProjectDay(beta, Day(10), 0, 0, 30, 1), new ProjectDay(beta, Day(11), 1, 0, 75)],
            days.Days);
    }

    [Fact]
    public async Task ReadAsync_ThirtyHourChainOfCommits_NoDayHoldsMoreThan24Hours()
    {
        // A commit every hour from 18:00 on the 10th to midnight after the 11th: one session of 32 h from 16:00, of which
        // the 12th holds nothing (its midnight commit owns the hour before it).
        await SeedProjectAsync("alpha", [.. Enumerable.Range(0, 31).Select(h => Utc(10, 18).AddHours(h))]);

        var days = (await Reader().ReadAsync(March)).Days;

        Assert.Equal([(Day(10), 6, 1, 8 * 60.0), (Day(11), 24, 0, 24 * 60.0), (Day(12), 1, 0, 0.0)],
            days.Select(d => (d.Date, d.Commits, d.Sessions, d.Minutes)));
        Assert.Equal(32 * 60, days.Sum(d => d.Minutes));
    }

    [Fact]
    public async Task Timesheet_NineDaysOfCommitsAroundTheClock_NoWeekHoldsMoreThan168Hours()
    {
        // Two projects taking turns every half hour from noon on Sunday the 8th to noon on Tuesday the 17th: the week of
        // Monday the 9th holds all its 168 hours, half of them beta's; the 8th from 10:00 and the 16th and 17th the rest.
        var times = Enumerable.Range(0, 9 * 48 + 1).Select(i => Utc(8, 12).AddMinutes(30 * i)).ToList();
        await SeedProjectAsync("alpha", [.. times.Where((_, i) => i % 2 == 0)]);
        await SeedProjectAsync("beta", [.. times.Where((_, i) => i % 2 == 1)]);

        var sheet = Domain.GitHub.Timesheet.Timesheet.Build(await Reader().ReadAsync(March), TimesheetGroup.Week, new OwnerCalendarOptions());

        Assert.Equal([0, 14.0, 168, 24 + 12, 0, 0], sheet.Periods.Select(p => sheet.ByPeriod[p].Minutes / 60));
        Assert.Equal(84 * 60, sheet.Rows.Single(r => r.Project.Name == "beta" && r.PeriodStart == Day(9)).Minutes);
        Assert.Equal(sheet.Total.Minutes, sheet.ByProject.Values.Sum(p => p.Minutes), 9);
    }

    [Fact]
    public async Task ReadAsync_OneProjectsHistory_GivesThePerProjectSessionsAsBefore()
    {
        DateTime[] times = [Utc(3, 9), Utc(3, 9, 30), Utc(3, 11, 29), Utc(3, 13, 29), Utc(4, 20), Utc(5, 10), Utc(5, 10, 45)];
        var alpha = await SeedProjectAsync("alpha", times);

        var days = (await Reader().ReadAsync(March)).Days;

        // As the timesheet counted them before hours were wall-clock: each project's sessions on the day they started.
        var before = CodingSessions.Split(times, TwoHours, TwoHours)
            .GroupBy(s => DateOnly.FromDateTime(s.FirstCommit))
            .Select(g => new ProjectDay(alpha, g.Key, times.Count(t => DateOnly.FromDateTime(t) == g.Key), g.Count(), CodingSessions.TotalMinutes(g)));
        Assert.Equal(before, days);
    }

    [Fact]
    public async Task ReadAsync_OneProject_IsItsShareOfTheTimeOverAllProjects()
    {
        await SeedProjectAsync("alpha", Utc(13, 19), Utc(13, 20), Utc(13, 21));
        var beta = await SeedProjectAsync("beta", Utc(13, 19, 30), Utc(13, 20, 30), Utc(13, 22));

        var all = await Reader().ReadAsync(March);
        var one = await Reader().ReadAsync(March, beta);

        Assert.Equal(all.Days.Where(d => d.ProjectId == beta), one.Days);
        Assert.Equal(120, Assert.Single(one.Days).Minutes);
        Assert.Equal(5 * 60, all.Days.Sum(d => d.Minutes));
    }

    private static DateOnly Day(int day) => new(2026, 3, day);

    private CodingDaysReader Reader(TimeZoneInfo? timeZone = null) =>
        TestReadModels.CodingDays(_contexts, new OwnerDays(_contexts, new OwnerCalendarOptions { TimeZone = timeZone }, TimeProvider.System));

    private async Task<int> SeedProjectAsync(string name, params DateTime[] authoredAt)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var project = new Project { Name = name };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        db.ProjectCommits.AddRange(authoredAt.Select((t, i) => new ProjectCommit { ProjectId = project.Id, Sha = $"{name}{i}", AuthoredAt = t, CommittedAt = t }));
        await db.SaveChangesAsync();
        return project.Id;
    }

    public async Task InitializeAsync() => _contexts = await TestContexts.MigrateAsync(_database);

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
