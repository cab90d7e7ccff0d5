using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Web.Tests.GitHub;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// The acceptance for the demo person, on <c>--demo</c> itself (filled through the real sync): no day above 15
/// commits or 12 coding hours, at most 4 repositories on any day, names and descriptions a person would write, no
/// github.com link for a made-up repository, and the WHOOP connection's scopes on the status. HTTP only, no page load.
/// </summary>
[Collection(DemoBrowserApp.Collection)]
public sealed class DemoDataTests(DemoBrowserApp app)
{
    [Fact]
    public async Task Demo_EveryDay_AtMostFifteenCommitsTwelveHoursAndFourRepositories()
    {
        using var http = Client();
        var activity = await http.GetFromJsonAsync<JsonObject>("/api/github/activity?days=400");
        var sheet = await http.GetFromJsonAsync<JsonObject>("/api/github/timesheet?group=day&days=400");

        var days = activity!["days"]!.AsArray();
        Assert.All(days, d => Assert.InRange((int)d!["commits"]!, 0, 15));
        Assert.All(days, d => Assert.InRange((double)d!["hours"]!, 0, 12));
        Assert.InRange(days.Count(d => (int)d!["commits"]! > 0), 120, 280); // days off, weekends mostly off
        var projectsByDay = sheet!["rows"]!.AsArray().GroupBy(r => (string)r!["period_start"]!, r => (string)r!["project"]!);
        Assert.All(projectsByDay, d => Assert.InRange(d.Distinct().Count(), 1, 4));
    }

    [Fact]
    public async Task Demo_Projects_BelievableAndNeverLinkedToGitHubCom()
    {
        using var http = Client();
        var projects = (await http.GetFromJsonAsync<JsonArray>("/api/github/projects"))!;

        DeveloperYearGeneratorTests.AssertBelievableRepositories(
            projects.Select(p => ((string)p!["name"]!, (string?)p["primary_language"], (string?)p["description"])).ToList());
        foreach (var project in projects)
        {
            var url = new Uri((string)project!["html_url"]!);
            Assert.DoesNotContain("github.com", url.Host, StringComparison.OrdinalIgnoreCase);
            var about = await http.GetStringAsync(url);
            Assert.Contains("not on github.com", about, StringComparison.Ordinal);
        }

        var page = await http.GetStringAsync("/github/" + Uri.EscapeDataString((string)projects[0]!["name"]!));
        Assert.Contains("About this demo repository", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://github.com/", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Demo_WhoopStatus_ListsTheGrantedScopes()
    {
        using var http = Client();
        var status = await http.GetFromJsonAsync<JsonObject>("/api/whoop/status");

        Assert.True((bool)status!["connected"]!);
        Assert.Equal(WhoopScopes.Requested, status["scopes"]!.AsArray().Select(s => (string)s!));
    }

    private HttpClient Client() => new() { BaseAddress = app.BaseAddress, Timeout = BrowserApp.Timeout };
}
