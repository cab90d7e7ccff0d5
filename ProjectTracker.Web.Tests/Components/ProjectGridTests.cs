using Bunit;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Web.Components.Pages.GitHub;

namespace ProjectTracker.Web.Tests.Components;

public sealed class ProjectGridTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private static readonly Project[] Projects =
    [
        new() { Name = "alpha-api", PrimaryLanguage = "C#", CommitCount = 10 },
        new() { Name = "Beta-Tool", PrimaryLanguage = "Go", CommitCount = 5, Description = "A command-line helper" },
        new() { Name = "gamma", PrimaryLanguage = "Python", CommitCount = 1 },
    ];

    [Fact]
    public void Search_Text_KeepsOnlyMatchingProjectsIgnoringCase()
    {
        var grid = _context.Render<ProjectGrid>(p => p.Add(g => g.Projects, Projects));
        Assert.Equal(3, ProjectLinks(grid).Count);

        grid.Find("[data-testid=project-search]").Input("beta");

        grid.WaitForAssertion(() => Assert.Equal(["Beta-Tool"], ProjectLinks(grid)));
    }

    [Theory]
    [InlineData("python", "gamma")]
    [InlineData("command-line", "Beta-Tool")]
    public void Search_LanguageOrDescription_MatchesToo(string text, string expected)
    {
        var grid = _context.Render<ProjectGrid>(p => p.Add(g => g.Projects, Projects));

        grid.Find("[data-testid=project-search]").Input(text);

        grid.WaitForAssertion(() => Assert.Equal([expected], ProjectLinks(grid)));
    }

    [Fact]
    public void Search_NoMatch_SaysSo()
    {
        var grid = _context.Render<ProjectGrid>(p => p.Add(g => g.Projects, Projects));

        grid.Find("[data-testid=project-search]").Input("zzz");

        grid.WaitForAssertion(() => Assert.Contains("No project matches", grid.Find("[data-testid=project-grid]").TextContent));
        Assert.Empty(ProjectLinks(grid));
    }

    [Fact]
    public void Render_ThousandProjects_RendersOnePageOfRows()
    {
        var many = Enumerable.Range(1, 1000).Select(i => new Project { Name = $"repo-{i:0000}", CommitCount = i }).ToList();

        var grid = _context.Render<ProjectGrid>(p => p.Add(g => g.Projects, many));

        Assert.Equal(25, ProjectLinks(grid).Count);
        Assert.Contains("1-25 of 1,000", grid.Find("[data-testid=project-grid]").TextContent);
    }

    [Fact]
    public void Render_Name_LinksToTheProjectPageEscaped()
    {
        var grid = _context.Render<ProjectGrid>(p => p.Add(g => g.Projects, [new Project { Name = "dots.and spaces" }]));

        Assert.Equal("/github/dots.and%20spaces", grid.Find("[data-testid=project-grid] a").GetAttribute("href"));
    }

    private static List<string> ProjectLinks(IRenderedComponent<ProjectGrid> grid) =>
        grid.FindAll("[data-testid=project-grid] a[href^='/github/']").Select(a => a.TextContent.Trim()).ToList();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();
}
