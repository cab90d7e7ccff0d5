using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Whoop.Components;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Components;

/// <summary>
/// The dashboard's KPI cards over real rows: the app (and so its migrations and DbContext factory) on a SQLite file,
/// the page rendered with the app's own services. The athlete is at UTC−5, where "today" is 2026-03-15.
/// </summary>
/// <remarks>One app for the class; before each test its database is emptied (<see cref="DatabaseReset"/>) and seeded again.</remarks>
public sealed class WhoopDashboardKpiTests(WhoopDashboardKpiTests.App fixture) : IClassFixture<WhoopDashboardKpiTests.App>, IAsyncLifetime
{
    public sealed class App : IAsyncLifetime
    {
        private readonly SqliteTestDatabase _database = SqliteTestDatabase.Migrated();

        public TrackerAppFactory Factory { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Factory = new TrackerAppFactory(_database);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    private TrackerAppFactory Factory => fixture.Factory;

    public async Task InitializeAsync()
    {
        await DatabaseReset.ClearAsync(Factory);
        await Factory.SeedAsync(db =>
        {
            db.WhoopRecoveries.AddRange(
                Recovery(1, 90, hrv: 100, rhr: 40), // outside the last 7 days
                Recovery(13, 80, hrv: 60, rhr: 50),
                Recovery(14, 50, hrv: 40, rhr: 54),
                Recovery(15, 20, hrv: 50, rhr: 58));
            db.WhoopSleeps.AddRange(Sleep(14, hours: 7, performance: 90), Sleep(15, hours: 8, performance: 80), Sleep(15, hours: 1, performance: 100, nap: true));
            db.WhoopCycles.AddRange(Cycle(14, strain: 10, kilojoules: 8368), Cycle(15, strain: 14, kilojoules: 10460));
            db.WhoopWorkouts.AddRange(Workout(2, "running"), Workout(14, "running"), Workout(15, "cycling"));
            return Task.CompletedTask;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static DateTime Day(int day) => new(2026, 3, day, 0, 0, 0, DateTimeKind.Utc);

    private static WhoopRecovery Recovery(int day, double score, double hrv, double rhr) =>
        new() { CycleId = $"c-{day}", Date = Day(day), RecoveryScore = score, HrvRmssd = hrv, RestingHeartRate = rhr, TimezoneOffset = "-05:00" };

    private static WhoopSleep Sleep(int day, double hours, double performance, bool nap = false) => new()
    {
        SleepId = $"s-{day}-{nap}", Date = Day(day), IsNap = nap, TotalSleepHours = hours, SleepPerformance = performance,
        LightSleepMin = hours * 30, DeepSleepMin = hours * 15, RemSleepMin = hours * 15, EndTime = Day(day).AddHours(nap ? 18 : 11),
        TimezoneOffset = "-05:00",
    };

    private static WhoopCycle Cycle(int day, double strain, double kilojoules) =>
        new() { CycleId = $"cy-{day}", Date = Day(day), StartTime = Day(day).AddHours(-3), Strain = strain, Kilojoules = kilojoules, TimezoneOffset = "-05:00" };

    private static WhoopWorkout Workout(int day, string sport) => new()
    {
        WorkoutId = $"w-{day}", Date = Day(day), StartTime = Day(day).AddHours(15), SportName = sport, Strain = 9, Calories = 400,
        DurationMin = 45, TimezoneOffset = "-05:00",
    };

    private static IRenderedComponent<WhoopDashboard> Render(BunitContext context, string uri)
    {
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        var page = context.Render<WhoopDashboard>();
        page.WaitForElement("[data-testid=kpi-recovery-value]", TimeSpan.FromSeconds(10));
        return page;
    }

    private BunitContext CreateContext() => MudTestContext.Create(services =>
    {
        var app = Factory.Services;
        services.AddSingleton(app.GetRequiredService<IDbContextFactory<TrackerDbContext>>());
        services.AddSingleton(app.GetRequiredService<WhoopReadService>());
        services.AddSingleton(app.GetRequiredService<WhoopTokenService>());
        services.AddSingleton(app.GetRequiredService<WhoopOptions>());
        services.AddSingleton(app.GetRequiredService<WhoopSyncNotifier>());
        services.AddSingleton(app.GetRequiredService<WhoopRangeSync>());
        services.AddSingleton(app.GetRequiredService<WhoopWebhookNotifications>());
        services.AddSingleton(app.GetRequiredService<ProjectTracker.Domain.Whoop.Import.WhoopImportService>());
    });

    private static string Kpi(IRenderedComponent<WhoopDashboard> page, string id) =>
        page.Find($"[data-testid={id}-value]").TextContent.Trim();

    [Fact]
    public async Task Kpis_LastSevenDays_AverageOnlyThoseDays()
    {
        await using var context = CreateContext();

        var page = Render(context, "whoop?days=7");

        Assert.Equal("50 %", Kpi(page, "kpi-recovery"));
        Assert.Equal("50 ms", Kpi(page, "kpi-hrv"));
        Assert.Equal("54 bpm", Kpi(page, "kpi-rhr"));
        Assert.Equal("7.5 h", Kpi(page, "kpi-sleep")); // the nap is not a night
        Assert.Equal("85 % of need", page.Find("[data-testid=kpi-sleep-caption]").TextContent.Trim());
        Assert.Equal("12.0", Kpi(page, "kpi-strain"));
        Assert.Equal("2", Kpi(page, "kpi-workouts"));
        Assert.Equal("2,250 kcal", Kpi(page, "kpi-calories")); // from kilojoules
        Assert.Equal("3", page.Find("[data-testid=chart-recovery]").GetAttribute("data-points"));
    }

    [Fact]
    public async Task Kpis_ThirtyDays_IncludeTheEarlierDay()
    {
        await using var context = CreateContext();

        var page = Render(context, "whoop?days=30");

        Assert.Equal("60 %", Kpi(page, "kpi-recovery"));
        Assert.Equal("3", Kpi(page, "kpi-workouts"));
        Assert.Equal("4", page.Find("[data-testid=chart-recovery]").GetAttribute("data-points"));
    }

    [Fact]
    public async Task Charts_AYear_AreDrawnByWeekAndSaySo()
    {
        await using var context = CreateContext();

        var page = Render(context, "whoop?days=365");

        // The 1st (a Sunday) closes the week of 23 February; the 13th to the 15th are the week of 9 March.
        Assert.Equal("2", page.Find("[data-testid=chart-recovery]").GetAttribute("data-points"));
        Assert.Contains("weekly averages", page.Find("[data-testid=charts-by-week]").TextContent);
        Assert.Equal("3", Kpi(page, "kpi-workouts")); // the figures themselves are over every day
    }

    [Fact]
    public async Task Charts_NinetyDays_AreDrawnByDay()
    {
        await using var context = CreateContext();

        var page = Render(context, "whoop?days=90");

        Assert.Equal("4", page.Find("[data-testid=chart-recovery]").GetAttribute("data-points"));
        Assert.Empty(page.FindAll("[data-testid=charts-by-week]"));
    }

    [Fact]
    public async Task NotConfigured_EmptyRange_SaysWhatToSet()
    {
        await using var context = CreateContext();

        var page = Render(context, "whoop?start=2025-01-01&end=2025-01-31");

        Assert.Contains("Set WHOOP_CLIENT_ID and WHOOP_CLIENT_SECRET", page.Find("[data-testid=whoop-empty]").TextContent);
        Assert.Equal("NotConfigured", page.Find("[data-testid=whoop-connection-state]").GetAttribute("data-state"));
        Assert.Equal("—", Kpi(page, "kpi-recovery"));
        Assert.Equal("0", page.Find("[data-testid=chart-strain]").GetAttribute("data-points"));
        Assert.True(page.Find("[data-testid=whoop-refresh]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Refresh_NotConnected_ShowsTheErrorWithWhatToDo()
    {
        await using var context = CreateContext();
        var panel = context.Render<WhoopRefreshPanel>(p => p.Add(x => x.Range, new DateRange(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15))));

        panel.Find("[data-testid=whoop-refresh]").Click();

        var error = panel.WaitForElement("[data-testid=refresh-error]", TimeSpan.FromSeconds(10)).TextContent;
        Assert.Contains("WHOOP is not configured. Set WHOOP_CLIENT_ID and WHOOP_CLIENT_SECRET", error);
        Assert.Empty(panel.FindAll("[data-testid=refresh-result]"));
    }

    [Fact]
    public async Task SyncFinished_Elsewhere_RedrawsTheOpenPage()
    {
        await using var context = CreateContext();
        var page = Render(context, "whoop?days=7");
        Assert.Equal("3", page.Find("[data-testid=chart-recovery]").GetAttribute("data-points"));

        await Factory.SeedAsync(db =>
        {
            db.WhoopRecoveries.Add(Recovery(12, 70, hrv: 55, rhr: 52));
            return Task.CompletedTask;
        });
        Factory.Services.GetRequiredService<WhoopSyncNotifier>().Publish(new WhoopSyncOutcome(
            new DateRange(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15)), new WhoopSyncResult(1, 0, 0, 0), null, "job"));

        page.WaitForAssertion(() => Assert.Equal("4", page.Find("[data-testid=chart-recovery]").GetAttribute("data-points")), TimeSpan.FromSeconds(10));
    }
}
