using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.GitHub.Components;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// Open dashboards share one copy of their data per data version: two pages (or a page's prerender and its circuit) get
/// the same object, and a write gives the next page a new one.
/// </summary>
public sealed class SharedDashboardDataTests : IAsyncLifetime
{
    private readonly SqliteFilledApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task GitHubDashboard_TwoPages_ShareOneCopyUntilAWrite()
    {
        var model = _app.App.Services.GetRequiredService<GitHubDashboardReader>();

        var first = await model.GetAsync(CancellationToken.None);
        var second = await model.GetAsync(CancellationToken.None);
        var hidden = first.Projects[0];
        await _app.App.Services.GetRequiredService<GitHubProjectAdmin>().SetHiddenAsync(hidden.Id, true);
        var afterWrite = await model.GetAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.NotSame(first, afterWrite);
        Assert.DoesNotContain(afterWrite.Projects, p => p.Id == hidden.Id);
        Assert.Equal(first.Projects.Count - 1, afterWrite.Projects.Count);
    }

    [Fact]
    public async Task WhoopDashboard_TwoPagesOfOneRange_ShareOneCopyUntilAWrite()
    {
        var whoop = _app.App.Services.GetRequiredService<WhoopReadService>();
        var range = DateRange.LastDays(30, await whoop.GetTodayAsync());

        var first = await whoop.GetDashboardAsync(range);
        var second = await whoop.GetDashboardAsync(range);
        var otherRange = await whoop.GetDashboardAsync(DateRange.LastDays(7, range.End));
        await _app.App.SeedAsync(db =>
        {
            db.WhoopCycles.Add(new WhoopCycle { CycleId = "new", StartTime = range.From.AddHours(8), Date = range.From, Strain = 20.5 });
            return Task.CompletedTask;
        });
        var afterWrite = await whoop.GetDashboardAsync(range);

        Assert.Same(first, second);
        Assert.NotSame(first, otherRange);
        Assert.NotSame(first, afterWrite);
        Assert.Equal(20.5, afterWrite.Metrics.Strain.MaxDailyStrain);
    }
}
