using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Web.Tests.Access;
using ProjectTracker.Web.Tests.GitHub;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Timesheet;

/// <summary>
/// <c>/api/github/timesheet</c> and <c>/activity</c> on commits synced from the GitHub simulator, against values worked
/// out by hand (session gap and start 120 minutes; "now" is 2026-03-15 12:00 UTC).
/// </summary>
public sealed class TimesheetApiTests
{
    private static DateTime At(int month, int day, int hour, int minute = 0, int year = 2026) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static void AddCommits(GitHubSimulatorState github, string name, params DateTime[] times)
    {
        var repository = github.AddRepository(name);
        foreach (var time in times)
        {
            github.AddCommit(repository, time);
        }
    }

    /// <summary>
    /// alpha: 09:00 and 10:59 (119 min apart: one session, 119 + 120 min), 12:59 (120 min later: a new one, 120 min),
    /// and 11:00 the next day (120 min). beta: 23:30 and 00:40 (one session of 70 + 120 min, counted on the day it started;
    /// its time on the day it lies in: 21:30 to midnight on the 10th, 40 min on the 11th).
    /// </summary>
    private static void AddSessionEdgeHistory(GitHubSimulatorState github)
    {
        AddCommits(github, "alpha", At(3, 10, 9), At(3, 10, 10, 59), At(3, 10, 12, 59), At(3, 11, 11));
        AddCommits(github, "beta", At(3, 10, 23, 30), At(3, 11, 0, 40));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Both), MemberType = typeof(TestDatabases))]
    public async Task Timesheet_ByDay_CountsSessionsAcrossTheGapEdgeOnTheDayTheyStarted(string database)
    {
        await using var h = await GitHubRefreshHarness.StartAsync(database: TestDatabases.For(database));
        AddSessionEdgeHistory(h.Simulator);
        await h.RefreshAsync();

        var sheet = await h.Client.GetJsonAsync("/api/github/timesheet?group=day&start_date=2026-03-10&end_date=2026-03-11");

        Assert.Equal("day", (string?)sheet["group"]);
        Assert.Equal("2026-03-10", (string?)sheet["start_date"]);
        Assert.Equal("2026-03-11", (string?)sheet["end_date"]);
        Assert.Equal(
            [
                "alpha octo-owner/alpha 2026-03-10 5.98 3 2", // (239 + 120) / 60
                "beta octo-owner/beta 2026-03-10 2.5 1 1",    // 150 / 60: 21:30 to midnight
                "alpha octo-owner/alpha 2026-03-11 2 1 1",
                "beta octo-owner/beta 2026-03-11 0.67 1 0",   // 40 / 60 after midnight, of the session of the 10th
            ],
            Rows(sheet));
        var totals = sheet["totals"]!;
        Assert.Equal(11.15, (double?)totals["hours"]); // 669 minutes
        Assert.Equal(6, (int?)totals["commits"]);
        Assert.Equal(4, (int?)totals["sessions"]);
        Assert.Equal(["alpha 7.98 4 3", "beta 3.17 2 1"],
            totals["projects"]!.AsArray().Select(p => $"{p!["project"]} {p["hours"]} {p["commits"]} {p["sessions"]}"));
        Assert.Equal(["2026-03-10 8.48 4 3", "2026-03-11 2.67 2 1"], // 509 and 160 minutes
            totals["periods"]!.AsArray().Select(p => $"{p!["period_start"]} {p["hours"]} {p["commits"]} {p["sessions"]}"));

        // The same sessions as time_spent: 239 + 120 + 120 minutes, and beta's 190.
        var projects = await h.ProjectsAsync();
        Assert.Equal("479m", (string?)projects.Single(p => (string?)p!["name"] == "alpha")!["time_spent"]);
        Assert.Equal("190m", (string?)projects.Single(p => (string?)p!["name"] == "beta")!["time_spent"]);
    }

    /// <summary>
    /// alpha at 19:00, 20:00 and 21:00, beta at 19:30, 20:30 and 22:00 on the 13th: one wall-clock session from 17:00 to
    /// 22:00 (5 h; summed per project it was 4 + 4.5 h). Each commit owns the time since the one before: alpha the
    /// lead-in (120 min) and three half hours, beta two half hours and the last hour. gamma's lone commit on the 12th: 2 h.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Both), MemberType = typeof(TestDatabases))]
    public async Task Timesheet_TwoRepositoriesTheSameEvening_CountsTheEveningOnceAndProjectsAddUpToIt(string database)
    {
        await using var h = await GitHubRefreshHarness.StartAsync(database: TestDatabases.For(database));
        AddCommits(h.Simulator, "alpha", At(3, 13, 19), At(3, 13, 20), At(3, 13, 21));
        AddCommits(h.Simulator, "beta", At(3, 13, 19, 30), At(3, 13, 20, 30), At(3, 13, 22));
        AddCommits(h.Simulator, "gamma", At(3, 12, 10));
        await h.RefreshAsync();

        var day = await h.Client.GetJsonAsync("/api/github/timesheet?group=day&start_date=2026-03-13&end_date=2026-03-13");
        var activity = await h.Client.GetJsonAsync("/api/github/activity?days=7");

        Assert.Equal(["alpha octo-owner/alpha 2026-03-13 3 3 1", "beta octo-owner/beta 2026-03-13 2 3 0"], Rows(day));
        Assert.Equal(5.0, (double?)day["totals"]!["hours"]);
        Assert.Equal(5.0, (double?)activity["days"]!.AsArray().Single(d => (string?)d!["date"] == "2026-03-13")!["hours"]);
        await AssertTimeSpentAddsUpToTheTimesheetAsync(h, ["alpha 180m", "beta 120m", "gamma 120m"], 7);

        // Deleting beta gives its half hours back to alpha's commits: 120 + 60 + 60 minutes.
        var beta = (await h.ProjectsAsync()).Single(p => (string?)p!["name"] == "beta")!;
        Assert.True(await h.App.Services.GetRequiredService<GitHubProjectAdmin>().DeleteAsync((int)beta["id"]!));
        await AssertTimeSpentAddsUpToTheTimesheetAsync(h, ["alpha 240m", "gamma 120m"], 6);
    }

    [Fact]
    public async Task Timesheet_GeneratedAccount_NoDayOver24HoursAndProjectsAddUpToEachDay()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        GitHubDataGenerator.Populate(h.Simulator, 36); // the demo's account: many evenings on several repositories
        await h.RefreshAsync();

        var sheet = await h.Client.GetJsonAsync("/api/github/timesheet?group=day&days=400");
        var activity = await h.Client.GetJsonAsync("/api/github/activity?days=400");

        var rows = sheet["rows"]!.AsArray();
        var periods = sheet["totals"]!["periods"]!.AsArray();
        Assert.All(activity["days"]!.AsArray(), d => Assert.InRange((double)d!["hours"]!, 0, 24));
        Assert.Equal(periods.Select(p => (string?)p!["period_start"]), activity["days"]!.AsArray().Select(d => (string?)d!["date"]));
        Assert.Equal(periods.Select(p => (double)p!["hours"]!), activity["days"]!.AsArray().Select(d => (double)d!["hours"]!));
        foreach (var period in periods)
        {
            // Each row is rounded to 0.01 h on its own: the rows of a day may differ from its total by that much each.
            var dayRows = rows.Where(r => (string?)r!["period_start"] == (string?)period!["period_start"]).ToList();
            Assert.Equal((double)period!["hours"]!, dayRows.Sum(r => (double)r!["hours"]!), 0.005 * (dayRows.Count + 1));
        }

        Assert.Contains(rows.GroupBy(r => (string?)r!["period_start"]), day => day.Count() > 1); // days shared by projects

        var timeSpent = (await h.ProjectsAsync()).Sum(p => (double)p!["time_spent_min"]!);
        Assert.Equal((double)sheet["totals"]!["hours"]!, timeSpent / 60, 0.005);
    }

    /// <summary>Every project's <c>time_spent</c> as expected, and together the timesheet's total over all time.</summary>
    private static async Task AssertTimeSpentAddsUpToTheTimesheetAsync(GitHubRefreshHarness h, string[] expected, double totalHours)
    {
        var projects = await h.ProjectsAsync();
        var sheet = await h.Client.GetJsonAsync("/api/github/timesheet?group=month&start_date=2026-01-01&end_date=2026-03-15");

        Assert.Equal(expected, projects.Select(p => $"{p!["name"]} {p["time_spent"]}"));
        Assert.Equal(totalHours, (double?)sheet["totals"]!["hours"]);
        Assert.Equal(totalHours * 60, projects.Sum(p => (double)p!["time_spent_min"]!), 9);
    }

    [Fact]
    public async Task Timesheet_WeeksAndMonthsAcrossTheYearBoundary_StartOnMondayOrTheConfiguredDay()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        // Wednesday 31 Dec, Friday 2 Jan, Monday 5 Jan: one session each.
        AddCommits(h.Simulator, "alpha", At(12, 31, 10, year: 2025), At(1, 2, 10), At(1, 5, 10));
        await h.RefreshAsync();

        var weeks = await h.Client.GetJsonAsync("/api/github/timesheet?group=week&start_date=2025-12-29&end_date=2026-01-11");
        Assert.Equal(["alpha octo-owner/alpha 2025-12-29 4 2 2", "alpha octo-owner/alpha 2026-01-05 2 1 1"], Rows(weeks));

        var months = await h.Client.GetJsonAsync("/api/github/timesheet?group=month&start_date=2025-12-15&end_date=2026-01-31");
        Assert.Equal(["alpha octo-owner/alpha 2025-12-01 2 1 1", "alpha octo-owner/alpha 2026-01-01 4 2 2"], Rows(months));
        Assert.Equal(["2025-12-01", "2026-01-01"], months["totals"]!["periods"]!.AsArray().Select(p => (string?)p!["period_start"]));

        // The same database, weeks from Sunday.
        await using var sunday = new TrackerAppFactory(h.App.Database, new Dictionary<string, string?> { ["Owner:FirstDayOfWeek"] = "Sunday" }, h.Clock);
        var sundayWeeks = await sunday.CreateClient().GetJsonAsync("/api/github/timesheet?group=week&start_date=2025-12-28&end_date=2026-01-10");
        Assert.Equal(["alpha octo-owner/alpha 2025-12-28 4 2 2", "alpha octo-owner/alpha 2026-01-04 2 1 1"], Rows(sundayWeeks));
    }

    [Fact]
    public async Task Timesheet_OwnerAtUtcMinusFive_EveningCommitCountsOnThatEvening()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        AddCommits(h.Simulator, "alpha", At(3, 11, 2, 30)); // 21:30 on the 10th at UTC−5
        await h.RefreshAsync();
        await h.App.SeedAsync(db =>
        {
            db.WhoopCycles.AddRange(
                new WhoopCycle { CycleId = "c1", StartTime = At(3, 9, 3), TimezoneOffset = "-05:00" },
                new WhoopCycle { CycleId = "c2", StartTime = At(3, 10, 3), TimezoneOffset = "-05:00" });
            return Task.CompletedTask;
        });

        var sheet = await h.Client.GetJsonAsync("/api/github/timesheet?group=day&start_date=2026-03-10&end_date=2026-03-11");

        Assert.Equal(["alpha octo-owner/alpha 2026-03-10 2 1 1"], Rows(sheet));
    }

    [Fact]
    public async Task Timesheet_OwnerTimeZoneTokyoWithoutWhoop_EveningUtcCommitCountsOnTheNextMorning()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["Owner:TimeZone"] = "Asia/Tokyo" });
        AddCommits(h.Simulator, "alpha", At(3, 10, 20)); // 05:00 on the 11th at UTC+9
        await h.RefreshAsync();

        var sheet = await h.Client.GetJsonAsync("/api/github/timesheet?group=day&start_date=2026-03-10&end_date=2026-03-11");
        var activity = await h.Client.GetJsonAsync("/api/github/activity?days=7");

        Assert.Equal(["alpha octo-owner/alpha 2026-03-11 2 1 1"], Rows(sheet));
        Assert.Equal("2026-03-15", (string?)activity["end_date"]); // 21:00 in Tokyo
        Assert.Equal(1, (int?)activity["days"]!.AsArray().Single(d => (string?)d!["date"] == "2026-03-11")!["commits"]);
    }

    [Fact]
    public async Task Activity_StreaksAcrossAGap_CurrentCountsFromYesterday()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        // 1–5 March (5 days), nothing on the 6th to 11th, 12–14 March (3 days); today, the 15th, has none yet.
        AddCommits(h.Simulator, "alpha", [.. new[] { 1, 2, 3, 4, 5, 12, 13, 14 }.Select(d => At(3, d, 10))]);
        AddCommits(h.Simulator, "beta", At(3, 3, 10), At(3, 3, 11), At(3, 9, 10));
        await h.RefreshAsync();

        var all = await h.Client.GetJsonAsync("/api/github/activity");
        var beta = await h.Client.GetJsonAsync("/api/github/activity?days=30&project=BETA");

        var days = all["days"]!.AsArray();
        Assert.Equal(365, days.Count);
        Assert.Equal("2026-03-15", (string?)days[^1]!["date"]);
        Assert.Equal(3, (int?)all["current_streak"]);
        Assert.Equal(5, (int?)all["longest_streak"]); // the 9th (beta) does not join the two runs
        Assert.Equal(11, (int?)all["total_commits"]);
        var third = days.Single(d => (string?)d!["date"] == "2026-03-03")!;
        Assert.Equal(3, (int?)third["commits"]);
        // alpha's and beta's commits at 10:00 and beta's at 11:00 are one wall-clock session, 08:00 to 11:00 (60 + 120 min),
        // counted once: summed per project (alpha's 120 and beta's 180 min) it was 5 h.
        Assert.Equal(3.0, (double?)third["hours"]);
        Assert.Equal(0, (int?)beta["current_streak"]);
        Assert.Equal(1, (int?)beta["longest_streak"]);
        Assert.Equal(30, beta["days"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("/api/github/timesheet?group=year", "group")]
    [InlineData("/api/github/timesheet?group=day&group=week", "group")]
    [InlineData("/api/github/timesheet?start_date=2026-13-01", "start_date")]
    [InlineData("/api/github/activity?days=0", "days")]
    [InlineData("/api/github/activity?end_date=2026-03-01&start_date=2026-03-05", "end_date")]
    public async Task BadParameter_Answers400NamingIt(string url, string parameter)
    {
        await using var h = await GitHubRefreshHarness.StartAsync();

        var problem = await (await h.Client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(parameter, (string?)problem["parameter"]);
    }

    [Fact]
    public async Task Activity_UnknownProject_Answers404()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();

        await (await h.Client.GetAsync("/api/github/activity?project=nope")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static string[] Rows(JsonNode sheet) => sheet["rows"]!.AsArray()
        .Select(r => $"{r!["project"]} {r["full_name"]} {r["period_start"]} {r["hours"]} {r["commits"]} {r["sessions"]}")
        .ToArray();
}
