using System.Text.RegularExpressions;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>The overview at <c>/</c>, prerendered from the stored data of both sides.</summary>
public sealed partial class OverviewPageTests(SqliteFilledApp fixture) : IClassFixture<SqliteFilledApp>
{
    [Fact]
    public async Task Overview_Filled_ShowsGitHubTotalsAndTheLatestJob()
    {
        var html = await fixture.Client.GetStringAsync("/");

        Assert.Contains("data-testid=\"overview-github\"", html);
        Assert.Equal("3", Cell(html, "overview-projects"));
        Assert.Equal("49", Cell(html, "overview-commits"));
        Assert.Equal("Running: 2 / 7", Cell(html, "overview-github-sync"));
        Assert.Contains("href=\"/github\"", html);
    }

    [Fact]
    public async Task Overview_Filled_ShowsTheLatestScoredWhoopNumbersAndHowToConnect()
    {
        var html = await fixture.Client.GetStringAsync("/");

        Assert.Contains("data-testid=\"overview-whoop\"", html);
        Assert.Equal("80 % (2026-03-15)", Cell(html, "overview-recovery"));
        Assert.Contains("91 % performance", Cell(html, "overview-sleep"));
        Assert.Equal("14.6 (2026-03-15)", Cell(html, "overview-strain"));
        Assert.Equal("Not configured", Cell(html, "overview-whoop-connection"));
        Assert.Contains("WHOOP_CLIENT_ID", html);
        Assert.Contains("href=\"/whoop\"", html);
    }

    private static string Cell(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>(.*?)</(td|div)>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no element {testId}");
        var text = Tags().Replace(match.Groups[1].Value, "");
        return System.Net.WebUtility.HtmlDecode(Whitespace().Replace(text, " ").Trim());
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
