using Bunit;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Components.Whoop;

namespace ProjectTracker.Web.Tests.Components;

public sealed class WorkoutsTableTests : IAsyncDisposable
{
    private readonly BunitContext _context = MudTestContext.Create();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static List<WhoopWorkout> Workouts(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new WhoopWorkout
        {
            WorkoutId = $"w-{i}", SportName = "running", StartTime = new DateTime(2026, 3, 1, 6, 0, 0, DateTimeKind.Utc).AddDays(-i),
            TimezoneOffset = "-05:00", Calories = 418.4 / 4.184, Kilojoules = 418.4,
        })];

    [Fact]
    public void Render_ManyWorkouts_ShowsTheNewestFirstAndAllOnRequest()
    {
        var table = _context.Render<WorkoutsTable>(p => p.Add(x => x.Workouts, Workouts(30)));

        Assert.Equal(WorkoutsTable.FirstShown, table.FindAll("tbody tr").Count);
        Assert.Equal("30", table.Find("[data-testid=workouts-table]").GetAttribute("data-points"));
        table.Find("[data-testid=workouts-show-all]").Click();

        Assert.Equal(30, table.FindAll("tbody tr").Count);
        Assert.Empty(table.FindAll("[data-testid=workouts-show-all]"));
    }

    [Fact]
    public void Render_AnotherRange_StartsAgainFromTheNewestFew()
    {
        var table = _context.Render<WorkoutsTable>(p => p.Add(x => x.Workouts, Workouts(30)));
        table.Find("[data-testid=workouts-show-all]").Click();

        table.Render(p => p.Add(x => x.Workouts, Workouts(40)));

        Assert.Equal(WorkoutsTable.FirstShown, table.FindAll("tbody tr").Count);
        Assert.Contains("Show all 40 workouts", table.Find("[data-testid=workouts-show-all]").TextContent);
    }

    [Fact]
    public void Render_OldAppRow_ShowsKilocaloriesNotTheKilojoulesItStored()
    {
        var oldRow = new WhoopWorkout { WorkoutId = "old", SportName = "cycling", StartTime = new DateTime(2025, 6, 1, 6, 0, 0, DateTimeKind.Utc), Calories = 2092 };

        var table = _context.Render<WorkoutsTable>(p => p.Add(x => x.Workouts, [oldRow]));

        Assert.Equal("500", table.FindAll("tbody tr td")[^1].TextContent.Trim());
        Assert.Empty(table.FindAll("[data-testid=workouts-show-all]"));
    }

    [Fact]
    public void Render_SportName_IsTextNotMarkup()
    {
        var odd = new WhoopWorkout { WorkoutId = "odd", SportName = "<i>yoga</i> & more", StartTime = new DateTime(2025, 6, 1, 6, 0, 0, DateTimeKind.Utc) };

        var table = _context.Render<WorkoutsTable>(p => p.Add(x => x.Workouts, [odd]));

        Assert.Equal("<i>yoga</i> & more", table.FindAll("tbody tr td")[0].TextContent);
        Assert.Empty(table.FindAll("tbody i"));
    }
}
