using Bunit;
using ProjectTracker.Web.Components;

namespace ProjectTracker.Web.Tests.Components;

public sealed class KpiTileTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    [Fact]
    public void Render_Value_ShowsItUnderItsLabel()
    {
        var tile = _context.Render<KpiTile>(p => p.Add(t => t.Label, "Commits").Add(t => t.Value, "2,489").Add(t => t.TestId, "kpi-commits"));

        Assert.Equal("2,489", tile.Find("[data-testid=kpi-commits-value]").TextContent.Trim());
        Assert.Contains("Commits", tile.Find("[data-testid=kpi-commits]").TextContent);
        Assert.Empty(tile.FindAll("[data-testid=kpi-commits-estimated]"));
    }

    [Fact]
    public void Render_Estimated_MarksTheValueAndSaysWhy()
    {
        var tile = _context.Render<KpiTile>(p => p
            .Add(t => t.Label, "Lines of code").Add(t => t.Value, "12,000").Add(t => t.TestId, "kpi-loc")
            .Add(t => t.Estimated, true).Add(t => t.EstimatedNote, "Estimated from the repository size"));

        Assert.Equal("≈ 12,000", tile.Find("[data-testid=kpi-loc-value]").TextContent.Trim());
        Assert.Equal("Estimated from the repository size", tile.Find("[data-testid=kpi-loc-estimated]").TextContent.Trim());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Render_NoValue_ShowsADashNotZero(string? value)
    {
        var tile = _context.Render<KpiTile>(p => p.Add(t => t.Label, "Hours").Add(t => t.Value, value).Add(t => t.TestId, "kpi-hours"));

        Assert.Equal(KpiTile.NoValue, tile.Find("[data-testid=kpi-hours-value]").TextContent.Trim());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();
}
