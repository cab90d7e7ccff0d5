using Bunit;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.GitHub.Components;

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

    [Fact]
    public void SortBy_Commits_LargestFirstThenReversedThenTheListsOwnOrder()
    {
        var grid = _context.Render<ProjectGrid>(p => p.Add(g => g.Projects, [Projects[2], Projects[0], Projects[1]]));
        var header = () => grid.Find("[data-testid=sort-Commits]").ParentElement!;

        grid.Find("[data-testid=sort-Commits]").Click();
        Assert.Equal(["alpha-api", "Beta-Tool", "gamma"], ProjectLinks(grid));
        Assert.Equal("descending", header().GetAttribute("aria-sort"));

        grid.Find("[data-testid=sort-Commits]").Click();
        Assert.Equal(["gamma", "Beta-Tool", "alpha-api"], ProjectLinks(grid));
        Assert.Equal("ascending", header().GetAttribute("aria-sort"));

        grid.Find("[data-testid=sort-Commits]").Click();
        Assert.Equal(["gamma", "alpha-api", "Beta-Tool"], ProjectLinks(grid));
        Assert.Null(header().GetAttribute("aria-sort"));
    }

    [Fact]
    public void SortBy_NameThenLinesOfCode_NamesIgnoreCaseAndMissingValuesLastBothWays()
    {
        Project[] projects =
        [
            new() { Name = "b-small", Loc = 10 }, new() { Name = "C-none" }, new() { Name = "a-large", Loc = 5000 },
        ];
        var grid = _context.Render<ProjectGrid>(p => p.Add(g => g.Projects, projects));

        grid.Find("[data-testid=sort-Name]").Click();
        Assert.Equal(["a-large", "b-small", "C-none"], ProjectLinks(grid));

        grid.Find("[data-testid=sort-LinesOfCode]").Click();
        Assert.Equal(["a-large", "b-small", "C-none"], ProjectLinks(grid));
        grid.Find("[data-testid=sort-LinesOfCode]").Click();
        Assert.Equal(["b-small", "a-large", "C-none"], ProjectLinks(grid));
    }

    [Fact]
    public void Pager_NextAndPageSize_ShowTheRowsAsked()
    {
        var many = Enumerable.Range(1, 60).Select(i => new Project { Name = $"repo-{i:00}" }).ToList();
        var grid = _context.Render<ProjectGrid>(p => p.Add(g => g.Projects, many));

        grid.Find("button[aria-label='Next page']").Click();
        Assert.Equal("26-50 of 60", grid.Find("[data-testid=project-page]").TextContent);
        Assert.Equal("repo-26", ProjectLinks(grid)[0]);

        grid.Find("button[aria-label='Last page']").Click();
        Assert.Equal(10, ProjectLinks(grid).Count);
        Assert.True(grid.Find("button[aria-label='Next page']").HasAttribute("disabled"));

        grid.Find("[data-testid=project-page-size]").Change("50");
        Assert.Equal("1-50 of 60", grid.Find("[data-testid=project-page]").TextContent);
        Assert.Equal(50, ProjectLinks(grid).Count);
    }

    [Fact]
    public void FilterByLanguage_KeepsThatLanguageAndCombinesWithTheSearch()
    {
        Project[] projects = [.. Projects, new() { Name = "delta", PrimaryLanguage = "C++", Description = "beta engine" }];
        var grid = _context.Render<ProjectGrid>(p => p.Add(g => g.Projects, projects));
        Assert.Equal(["", "C#", "C++", "Go", "Python"], grid.FindAll("[data-testid=project-language] option").Select(o => o.GetAttribute("value")));

        grid.Find("[data-testid=project-language]").Change("C#");
        Assert.Equal(["alpha-api"], ProjectLinks(grid));

        grid.Find("[data-testid=project-language]").Change("C++");
        grid.Find("[data-testid=project-search]").Input("beta");
        Assert.Equal(["delta"], ProjectLinks(grid));

        grid.Find("[data-testid=project-search]").Input("gamma");
        Assert.Contains("No project matches “gamma” in C++", grid.Find("[data-testid=project-grid]").TextContent);
        Assert.Equal("0-0 of 0", grid.Find("[data-testid=project-page]").TextContent);
    }

    [Fact]
    public void Render_MarksArchivedAndUnreadableAndEncodesWhatGitHubSays()
    {
        Project[] projects =
        [
            new() { Name = "old", Archived = true, LocEstimated = true, Loc = 1200 },
            new() { Name = "<b>odd</b>", FailedAt = DateTime.UtcNow, FailureReason = "403 \"forbidden\" <now>" },
        ];
        var grid = _context.Render<ProjectGrid>(p => p.Add(g => g.Projects, projects));

        Assert.Single(grid.FindAll("table[aria-label=Projects] [data-testid=archived-chip]"));
        Assert.Contains("≈ 1,200", grid.FindAll("tbody tr")[0].TextContent);
        var failed = grid.Find("table[aria-label=Projects] [data-testid=failed-mark]");
        Assert.Equal("Not refreshed: 403 \"forbidden\" <now>", failed.GetAttribute("aria-label"));
        Assert.Equal("<b>odd</b>", ProjectLinks(grid)[1]);
        Assert.Empty(grid.FindAll("tbody b"));
    }

    [Fact]
    public void PhoneList_ShowsTheSamePageAsTheTableWithEveryColumnAndSortsByTheChoice()
    {
        Project[] projects =
        [
            new() { Name = "old", Archived = true, LocEstimated = true, Loc = 1200, CommitCount = 3, TimeSpentMin = 90, ActiveDays = 2, PrimaryLanguage = "Go" },
            new() { Name = "new", CommitCount = 40, Loc = 5000, TimeSpentMin = 600, ActiveDays = 9, PrimaryLanguage = "C#", LastCommitDate = new DateTime(2026, 12, 1) },
        ];
        var grid = _context.Render<ProjectGrid>(p => p.Add(g => g.Projects, projects));

        var items = grid.FindAll("[data-testid=project-list-item]");
        Assert.Equal(["old", "new"], items.Select(i => i.QuerySelector("summary .pt-list-name")!.FirstChild!.TextContent));
        Assert.Equal(["/github/old", "/github/new"], items.Select(i => i.QuerySelector("a")!.GetAttribute("href")));
        Assert.Empty(grid.FindAll("summary a"));
        Assert.Equal("3 commits · 1.5 h", items[0].QuerySelector("summary > span:last-child")!.TextContent);
        Assert.NotNull(items[0].QuerySelector("[data-testid=archived-chip]"));
        Assert.Equal(["Language Go", "Lines of code ≈ 1,200", "Active days 2", "Last commit —"],
            items[0].QuerySelectorAll("tr").Select(r => string.Join(" ", r.Children.Select(c => c.TextContent))));
        Assert.Equal("2026-12-01", items[1].QuerySelectorAll("td")[^1].TextContent);

        grid.Find("[data-testid=project-sort]").Change(nameof(ProjectColumn.Commits));

        Assert.Equal(["Open new", "Open old"], grid.FindAll("[data-testid=project-list-item] a").Select(a => a.TextContent));
        Assert.Equal(["new", "old"], ProjectLinks(grid));
        Assert.Equal("descending", grid.Find("th[aria-sort]").GetAttribute("aria-sort"));
    }

    [Fact]
    public void Rows_OfOneList_AreDrawnOnceForEveryPage()
    {
        var list = Projects.ToList();
        var labels = new ProjectLabels(list);
        var snapshot = new DerivedData();

        var first = ProjectRows.For(list, labels, snapshot);
        var second = ProjectRows.For(list, labels, snapshot);

        Assert.Same(first, second);
        Assert.Same(first.Order(new ProjectOrder(ProjectColumn.Hours, true)), second.Order(new ProjectOrder(ProjectColumn.Hours, true)));
        Assert.NotSame(first, ProjectRows.For(Projects.ToList(), labels, snapshot));
        Assert.NotSame(first, ProjectRows.For(list, labels, new DerivedData())); // a new snapshot draws its own
    }

    private static List<string> ProjectLinks(IRenderedComponent<ProjectGrid> grid) =>
        grid.FindAll("[data-testid=project-grid] table[aria-label=Projects] a[href^='/github/']").Select(a => a.TextContent.Trim()).ToList();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();
}
