using System.Net;
using System.Text.Json.Nodes;
using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Web.Tests.Access;
using ProjectTracker.Web.Tests.GitHub;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Timesheet;

/// <summary>
/// <c>/api/github/punchcard</c> and the streak rules of <c>/api/github/activity</c> on commits synced from the GitHub
/// simulator (session gap and start 120 minutes; "now" is Sunday 2026-03-15 12:00 UTC).
/// </summary>
public sealed class PunchcardApiTests
{
    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    private static void AddCommits(GitHubSimulatorState github, string name, params DateTime[] times)
    {
        var repository = github.AddRepository(name);
        foreach (var time in times)
        {
            github.AddCommit(repository, time);
        }
    }

    private static JsonNode Cell(JsonNode card, int weekday, int hour) =>
        card["cells"]!.AsArray().Single(c => (int)c!["weekday"]! == weekday && (int)c["hour"]! == hour)!;

    [Fact]
    public async Task Punchcard_GeneratedAccount_All168CellsAddUpToTheTimesheet()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        GitHubDataGenerator.Populate(h.Simulator, 8); // evenings on several repositories
        await h.RefreshAsync();

        foreach (var range in new[] { "days=400", "start_date=2025-11-03&end_date=2026-01-18" })
        {
            var card = await h.Client.GetJsonAsync("/api/github/punchcard?" + range);
            var sheet = await h.Client.GetJsonAsync("/api/github/timesheet?" + range);

            var cells = card["cells"]!.AsArray();
            Assert.Equal(168, cells.Count);
            Assert.Equal(Enumerable.Range(0, 168), cells.Select(c => ((int)c!["weekday"]! * 24) + (int)c["hour"]!));
            Assert.Equal("UTC", (string?)card["time_zone"]);
            Assert.Equal((string?)sheet["start_date"], (string?)card["start_date"]);
            var total = (double)sheet["totals"]!["hours"]!;
            Assert.True(total > 10, $"{range}: {total} h");
            Assert.Equal(total, (double?)card["total_hours"]);
            Assert.Equal(total, Math.Round(cells.Sum(c => (double)c!["coding_hours"]!), 2));
            Assert.Equal((int)sheet["totals"]!["commits"]!, cells.Sum(c => (int)c!["commits"]!));
            Assert.Equal((int)sheet["totals"]!["commits"]!, (int?)card["total_commits"]);
        }
    }

    [Fact]
    public async Task Punchcard_OwnerInTokyo_SessionAcrossHoursAndMidnightInLocalHours()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["Owner:TimeZone"] = "Asia/Tokyo" });
        // 14:30 and 15:10 UTC on Friday the 13th: 23:30 and 00:10 on Saturday in Tokyo; the session from 21:30 local.
        AddCommits(h.Simulator, "alpha", At(13, 14, 30), At(13, 15, 10));
        await h.RefreshAsync();

        var card = await h.Client.GetJsonAsync("/api/github/punchcard?start_date=2026-03-09&end_date=2026-03-15");

        Assert.Equal("Asia/Tokyo", (string?)card["time_zone"]);
        Assert.Empty(card["utc_offsets"]!.AsArray()); // no WHOOP data
        Assert.Equal([0.5, 1.0, 1.0, 0.17], new[] { (4, 21), (4, 22), (4, 23), (5, 0) }.Select(c => (double)Cell(card, c.Item1, c.Item2)["coding_hours"]!));
        Assert.Equal([1, 1], new[] { (4, 23), (5, 0) }.Select(c => (int)Cell(card, c.Item1, c.Item2)["commits"]!));
        Assert.Equal(2.67, (double?)card["total_hours"]); // 160 minutes
        Assert.Equal(2.67, (double?)(await h.Client.GetJsonAsync("/api/github/timesheet?start_date=2026-03-09&end_date=2026-03-15"))["totals"]!["hours"]);
        // Saturday alone: only its 10 minutes and its commit.
        var saturday = await h.Client.GetJsonAsync("/api/github/punchcard?start_date=2026-03-14&end_date=2026-03-14");
        Assert.Equal(0.17, (double?)saturday["total_hours"]);
        Assert.Equal(1, (int?)saturday["total_commits"]);
    }

    /// <summary>
    /// Weekdays 2–6 and 10, 12, 13 March at 10:00; WHOOP's recovery is red on the 11th, the 9th is tagged "Rest". Today,
    /// Sunday the 15th, has no commits yet.
    /// </summary>
    [Fact]
    public async Task Activity_StreakRules_WeekdaysWeeklyAndRestDays()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        AddCommits(h.Simulator, "alpha", [.. new[] { 2, 3, 4, 5, 6, 10, 12, 13 }.Select(d => At(d, 10))]);
        await h.RefreshAsync();
        await h.App.SeedAsync(db =>
        {
            db.WhoopRecoveries.Add(new WhoopRecovery { CycleId = "r11", Date = At(11, 0), RecoveryScore = 20 });
            db.WhoopRecoveries.Add(new WhoopRecovery { CycleId = "r10", Date = At(10, 0), RecoveryScore = 34 }); // yellow
            db.DayTags.Add(new DayTag { Date = At(9, 0), Name = "Rest", Source = DayTag.OwnSource, Answer = true, CreatedAt = At(9, 0), UpdatedAt = At(9, 0) });
            return Task.CompletedTask;
        });

        async Task<string> StreaksAsync(string query)
        {
            var activity = await h.Client.GetJsonAsync("/api/github/activity?days=30&" + query);
            var s = activity["streak"]!;
            static string Of(JsonNode n) => $"{n["length"]} {n["start_date"]} {n["end_date"]}";
            return $"{s["rule"]} {s["rest"]} {s["unit"]}: {Of(s["current"]!)} | {Of(s["longest"]!)} | old {activity["current_streak"]} {activity["longest_streak"]}";
        }

        Assert.Equal("daily  days: 0   | 5 2026-03-02 2026-03-06 | old 0 5", await StreaksAsync(""));
        Assert.Equal("weekdays  days: 2 2026-03-12 2026-03-13 | 5 2026-03-02 2026-03-06 | old 0 5", await StreaksAsync("streak=weekdays"));
        Assert.Equal("weekdays red days: 8 2026-03-02 2026-03-13 | 8 2026-03-02 2026-03-13 | old 0 5", await StreaksAsync("streak=WEEKDAYS&rest=red"));
        Assert.Equal("daily red days: 0   | 5 2026-03-02 2026-03-06 | old 0 5", await StreaksAsync("rest=red")); // the weekend breaks it
        Assert.Equal("weekly  weeks: 2 2026-03-02 2026-03-13 | 2 2026-03-02 2026-03-13 | old 0 5", await StreaksAsync("streak=weekly"));
    }

    [Fact]
    public async Task BadParameter_Answers400NamingIt()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(); // one app for all: each start costs seconds

        (string Url, string Parameter)[] cases =
        [
            ("/api/github/punchcard?days=0", "days"),
            ("/api/github/punchcard?start_date=2026-03-10&end_date=2026-03-01", "end_date"),
            ("/api/github/activity?streak=monthly", "streak"),
            ("/api/github/activity?streak=daily&streak=weekly", "streak"),
            ("/api/github/activity?rest=green", "rest"),
            ("/api/export/punchcard.csv?days=abc", "days"),
        ];
        foreach (var (url, parameter) in cases)
        {
            var problem = await (await h.Client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(parameter == (string?)problem["parameter"], $"{url}: {problem["parameter"]}");
        }
    }
}
