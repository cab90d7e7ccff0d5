using Bunit;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Whoop.Components;

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

        Assert.Equal(WorkoutsTable.FirstShown, table.FindAll("[data-testid=workouts-table] tbody tr").Count);
        Assert.Equal(WorkoutsTable.FirstShown, table.FindAll("[data-testid=workouts-list-item]").Count);
        Assert.Equal("30", table.Find("[data-testid=workouts-table]").GetAttribute("data-points"));
        table.Find("[data-testid=workouts-show-all]").Click();

        Assert.Equal(30, table.FindAll("[data-testid=workouts-table] tbody tr").Count);
        Assert.Equal(30, table.FindAll("[data-testid=workouts-list-item]").Count);
        Assert.Empty(table.FindAll("[data-testid=workouts-show-all]"));
    }

    [Fact]
    public void Render_AnotherRange_StartsAgainFromTheNewestFew()
    {
        var table = _context.Render<WorkoutsTable>(p => p.Add(x => x.Workouts, Workouts(30)));
        table.Find("[data-testid=workouts-show-all]").Click();

        table.Render(p => p.Add(x => x.Workouts, Workouts(40)));

        Assert.Equal(WorkoutsTable.FirstShown, table.FindAll("[data-testid=workouts-table] tbody tr").Count);
        Assert.Contains("Show all 40 workouts", table.Find("[data-testid=workouts-show-all]").TextContent);
    }

    [Fact]
    public void Render_OldAppRow_ShowsKilocaloriesNotTheKilojoulesItStored()
    {
        var oldRow = new WhoopWorkout { WorkoutId = "old", SportName = "cycling", StartTime = new DateTime(2025, 6, 1, 6, 0, 0, DateTimeKind.Utc), Calories = 2092 };

        var table = _context.Render<WorkoutsTable>(p => p.Add(x => x.Workouts, [oldRow]));

        Assert.Equal("500", table.FindAll("[data-testid=workouts-table] tbody tr td")[^1].TextContent.Trim());
        Assert.Empty(table.FindAll("[data-testid=workouts-show-all]"));
    }

    [Fact]
    public void Render_SportName_IsTextNotMarkup()
    {
        var odd = new WhoopWorkout { WorkoutId = "odd", SportName = "<i>yoga</i> & more", StartTime = new DateTime(2025, 6, 1, 6, 0, 0, DateTimeKind.Utc) };

        var table = _context.Render<WorkoutsTable>(p => p.Add(x => x.Workouts, [odd]));

        Assert.Equal("<i>yoga</i> & more", table.FindAll("[data-testid=workouts-table] tbody tr td")[0].TextContent);
        Assert.Empty(table.FindAll("tbody i"));
        Assert.Equal("<i>yoga</i> & more", table.Find("[data-testid=workouts-list-item] summary").FirstElementChild!.TextContent);
        Assert.Empty(table.FindAll("summary i"));
    }

    [Fact]
    public void PhoneList_ShowsEachWorkoutsFiguresLikeTheTable()
    {
        var table = _context.Render<WorkoutsTable>(p => p.Add(x => x.Workouts, Workouts(1)));

        var item = table.Find("[data-testid=workouts-list-item]");
        var row = table.FindAll("[data-testid=workouts-table] tbody td").Select(td => td.TextContent).ToList();
        Assert.Equal($"{row[2]} · strain {row[3]}", item.QuerySelector("summary > span:last-child")!.TextContent);
        Assert.Equal([$"Start (local) {row[1]}", $"Avg / max HR {row[4]}", $"kcal {row[5]}"],
            item.QuerySelectorAll("tr").Select(r => string.Join(" ", r.Children.Select(c => c.TextContent))));
    }
}
