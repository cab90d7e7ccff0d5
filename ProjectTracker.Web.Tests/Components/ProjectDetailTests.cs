using Bunit;
using ProjectTracker.Web.GitHub.Components;

namespace ProjectTracker.Web.Tests.Components;

public sealed class ProjectDetailTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    [Fact]
    public async Task Render_KnownProjectAnyCase_ShowsItsNumbersAndWeeklyActivity()
    {
        await _context.SeedAsync(db => GitHubDashboardTests.SeedProjectsAsync(db, ("alpha", "C#", 10, false), ("beta", "Go", 5, false)));

        var page = _context.Render<ProjectDetail>(p => p.Add(d => d.Name, "ALPHA"));

        page.WaitForAssertion(() => Assert.Equal("10", page.Find("[data-testid=kpi-commits-value]").TextContent.Trim()));
        Assert.Contains("alpha", page.Find("[data-testid=project-detail] h1").TextContent);
        // Only alpha's own commits: 5 in the week of 2026-03-02 and 5 in that of 2026-03-16 (beta's are not counted).
        Assert.Equal("3", page.Find("[data-testid=chart-activity]").GetAttribute("data-points"));
        Assert.Contains("10 commits in 3 weeks", page.Find("[data-testid=chart-activity]").TextContent);
    }

    [Fact]
    public async Task Render_UnknownProject_SaysSoAndLinksBack()
    {
        await _context.SeedAsync();

        var page = _context.Render<ProjectDetail>(p => p.Add(d => d.Name, "missing"));

        var notFound = page.WaitForElement("[data-testid=project-not-found]");
        Assert.Contains("No project named “missing”", notFound.TextContent);
        Assert.NotNull(notFound.QuerySelector("a[href='/github']"));
        Assert.Empty(page.FindAll("[data-testid=chart-activity]"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();
}
