using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Insights;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>/insights counts commits on the athlete's local days, the days WHOOP's recovery and sleep are filed under.</summary>
public sealed class InsightsReadServiceTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private IDbContextFactory<TrackerDbContext> _contexts = null!;

    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    private static readonly DateRange March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    [Fact]
    public async Task Get_AthleteAtUtcMinusFive_LateCommitCountsOnTheEveningItWasMade()
    {
        await SeedCyclesAsync((Utc(9, 3), "-05:00"), (Utc(10, 3), "-05:00"), (Utc(11, 3), "-05:00"));
        await SeedCommitsAsync(Utc(11, 2, 30)); // 21:30 on the 10th at home

        var days = (await Service().GetAsync(March)).Days;

        Assert.Equal(1, Commits(days, 10));
        Assert.Equal(0, Commits(days, 11));
    }

    [Fact]
    public async Task Get_AthleteTravelsToUtcPlusOne_CommitsFollowTheOffsetOfTheirCycle()
    {
        // Home at UTC−5 until the cycle that starts on the 19th, then a week at UTC+1.
        await SeedCyclesAsync((Utc(18, 3), "-05:00"), (Utc(19, 22), "+01:00"), (Utc(20, 22), "+01:00"));
        await SeedCommitsAsync(
            Utc(19, 2),      // 21:00 on the 18th at home
            Utc(20, 23, 30), // 00:30 on the 21st abroad
            Utc(20, 12));    // 13:00 on the 20th abroad

        var days = (await Service().GetAsync(March)).Days;

        Assert.Equal(1, Commits(days, 18));
        Assert.Equal(0, Commits(days, 19));
        Assert.Equal(1, Commits(days, 20));
        Assert.Equal(1, Commits(days, 21));
    }

    [Fact]
    public async Task Get_CommitBeforeTheFirstCycle_UsesTheFirstKnownOffset()
    {
        await SeedCyclesAsync((Utc(15, 3), "+09:00"));
        await SeedCommitsAsync(Utc(5, 20)); // 05:00 on the 6th in Tokyo

        var days = (await Service().GetAsync(March)).Days;

        Assert.Equal(1, Commits(days, 6));
    }

    [Fact]
    public async Task Get_NoWhoopData_CountsUtcDays()
    {
        await SeedCommitsAsync(Utc(11, 2, 30), Utc(11, 23, 59));

        var days = (await Service().GetAsync(March)).Days;

        Assert.Equal(2, Commits(days, 11));
        Assert.Equal(0, Commits(days, 10));
    }

    private InsightsReadService Service() => new(_contexts,
        TestReadModels.CodingDays(_contexts, new OwnerDays(_contexts, new OwnerCalendarOptions(), TimeProvider.System)));

    private static int Commits(IReadOnlyList<InsightDay> days, int day) => days.Single(d => d.Date == new DateOnly(2026, 3, day)).Commits;

    private async Task SeedCyclesAsync(params (DateTime Start, string Offset)[] cycles)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        db.WhoopCycles.AddRange(cycles.Select((c, i) => new WhoopCycle
        {
            CycleId = $"{i + 1}", StartTime = c.Start, EndTime = c.Start.AddDays(1), TimezoneOffset = c.Offset,
        }));
        await db.SaveChangesAsync();
    }

    private async Task SeedCommitsAsync(params DateTime[] authoredAt)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var project = new Project { Name = "alpha" };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        db.ProjectCommits.AddRange(authoredAt.Select((t, i) => new ProjectCommit { ProjectId = project.Id, Sha = $"sha{i}", AuthoredAt = t, CommittedAt = t }));
        await db.SaveChangesAsync();
    }

    public async Task InitializeAsync() => _contexts = await TestContexts.MigrateAsync(_database);

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
