using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Components.Pages.Overview;
using ProjectTracker.Web.Tests.Access;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Insights;

/// <summary>
/// An owner in Tokyo (+09:00) from 1 January to "today", 15 March 2026: a quiet session every morning (10:00 and 11:00,
/// 3 hours by the git-hours rule) and a heavy week from 9 March (10:00 to 16:00, 8 hours) while recovery falls from 70 to
/// 40; one commit at 01:30 on 10 March, the night of the 9th, after which sleep starts at 02:00.
/// </summary>
public sealed class LoadHistoryApp() : AppFixture(() => new SqliteTestDatabase(), SeedAsync)
{
    public static readonly DateOnly First = new(2026, 1, 1), HeavyFrom = new(2026, 3, 9), Today = new(2026, 3, 15);
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);

    private static async Task SeedAsync(TrackerDbContext db)
    {
        var project = new Project { Name = "alpha" };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        void Commit(DateTime local) => db.ProjectCommits.Add(new ProjectCommit
        {
            ProjectId = project.Id, Sha = local.ToString("o", CultureInfo.InvariantCulture), AuthoredAt = Utc(local), CommittedAt = Utc(local),
        });

        for (var day = First; day <= Today; day = day.AddDays(1))
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            var heavy = day >= HeavyFrom;
            for (var hour = 10; hour <= (heavy ? 16 : 11); hour++)
            {
                Commit(midnight.AddHours(hour));
            }

            var date = DateTime.SpecifyKind(midnight, DateTimeKind.Utc);
            var (sleepStart, sleepHours) = day == HeavyFrom.AddDays(1) ? (midnight.AddHours(2), 5.0) : (midnight.AddHours(-0.5), 7.0);
            db.WhoopCycles.Add(new WhoopCycle { CycleId = $"c{day}", StartTime = Utc(midnight.AddHours(-1)), Date = date, Strain = heavy ? 15 : 10, TimezoneOffset = "+09:00" });
            db.WhoopRecoveries.Add(new WhoopRecovery { CycleId = $"c{day}", Date = date, RecoveryScore = heavy ? 40 : 70, ScoreState = "SCORED" });
            db.WhoopSleeps.Add(new WhoopSleep
            {
                SleepId = $"s{day}", Date = date, StartTime = Utc(sleepStart), EndTime = Utc(sleepStart.AddHours(sleepHours)), TotalSleepHours = sleepHours,
                TimezoneOffset = "+09:00",
            });
        }

        Commit(HeavyFrom.AddDays(1).ToDateTime(new TimeOnly(1, 30)));
        await db.SaveChangesAsync();
    }

    private static DateTime Utc(DateTime local) => DateTime.SpecifyKind(local - Tokyo, DateTimeKind.Utc);
}

/// <summary><c>/api/insights/load</c>, <c>load.csv</c>, <c>/api/insights/late-nights</c> and the automatic tag over <see cref="LoadHistoryApp"/>.</summary>
public sealed class LoadApiTests(LoadHistoryApp fixture) : IClassFixture<LoadHistoryApp>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Load_HeavyWeekWhileRecoveryFalls_FlagsTodayAndSaysSoOnTheOverview()
    {
        var days = (await Client.GetJsonAsync("/api/insights/load?days=20")).AsArray();
        var warning = await fixture.App.Services.GetRequiredService<OverviewReader>().ReadLoadWarningAsync();

        Assert.Equal(20, days.Count);
        var today = days[^1]!;
        JsonAssertions.AssertHasFields(today, "date", "coding_hours", "strain", "recovery", "coding_hours_7d", "coding_hours_28d", "coding_ratio",
            "strain_7d", "strain_28d", "strain_ratio", "recovery_7d", "recovery_28d", "flag");
        Assert.Equal("2026-03-15", (string?)today["date"]);
        // Seven heavy days of 8 h (plus the night's 2 h session, split at midnight) against 21 quiet ones of 3 h.
        Assert.Equal(8, (double)today["coding_hours"]!, 3);
        Assert.Equal(58 / 7.0, (double)today["coding_hours_7d"]!, 3);
        Assert.Equal((58 + 21 * 3) / 28.0, (double)today["coding_hours_28d"]!, 3);
        Assert.Equal(58 / 7.0 / ((58 + 21 * 3) / 28.0), (double)today["coding_ratio"]!, 3);
        Assert.Equal(15 / ((15 * 7 + 10 * 21) / 28.0), (double)today["strain_ratio"]!, 3);
        Assert.Equal((40, 62.5), ((double)today["recovery_7d"]!, (double)today["recovery_28d"]!));
        Assert.True((bool)today["flag"]!);
        Assert.False((bool)days[0]!["flag"]!);
        Assert.Equal("Coding load is 1.9× your usual while recovery is trending down.", warning);
    }

    [Fact]
    public async Task Overview_TodayFlagged_SaysSoInOneLineLinkingTheChart()
    {
        var html = System.Net.WebUtility.HtmlDecode(await Client.GetStringAsync("/"));

        var at = html.IndexOf("data-testid=\"overview-load\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "no load line on the overview");
        var line = html[at..Math.Min(html.Length, at + 1500)]; // the alert: its icon, the sentence and the link
        Assert.Contains("Coding load is 1.9× your usual while recovery is trending down.", line);
        Assert.Contains("href=\"/insights#load\"", line);
    }

    [Fact]
    public async Task Load_FirstDayOfARange_UsesTheDaysBeforeIt_AndRatiosWaitFor28DaysOfHistory()
    {
        var longer = (await Client.GetJsonAsync("/api/insights/load?start_date=2026-01-20&end_date=2026-03-15")).AsArray();
        var one = (await Client.GetJsonAsync("/api/insights/load?start_date=2026-03-01&end_date=2026-03-01")).AsArray();

        Assert.Equal(longer.Single(d => (string?)d!["date"] == "2026-03-01")!.ToJsonString(), Assert.Single(one)!.ToJsonString());
        var history27 = longer.Single(d => (string?)d!["date"] == "2026-01-27")!; // the 27th day since the first commit
        var history28 = longer.Single(d => (string?)d!["date"] == "2026-01-28")!;
        Assert.Null(history27["coding_ratio"]);
        Assert.Null(history27["strain_ratio"]);
        Assert.Null(history27["recovery_28d"]);
        Assert.NotNull(history27["coding_hours_7d"]);
        Assert.Equal(1, (double)history28["coding_ratio"]!, 9);
        Assert.Equal(1, (double)history28["strain_ratio"]!, 9);
    }

    [Fact]
    public async Task LoadCsv_HasTheSameRowsAsTheJson()
    {
        var json = (await Client.GetJsonAsync("/api/insights/load?days=3")).AsArray();
        var response = await Client.GetAsync("/api/export/load.csv?days=3");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("load-2026-03-13-to-2026-03-15.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("date,coding_hours,strain,recovery,coding_hours_7d,coding_hours_28d,coding_ratio,strain_7d,strain_28d,strain_ratio,recovery_7d,recovery_28d,flag", lines[0]);
        Assert.Equal(4, lines.Length);
        var last = lines[^1].Split(',');
        Assert.Equal(("2026-03-15", "true"), (last[0], last[^1]));
        Assert.Equal((double)json[^1]!["coding_ratio"]!, double.Parse(last[6], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task LateNights_TheHalfPastOneCommitEndsTheNightOfThe9th_BesideItsSleepAndRecovery()
    {
        var answer = await Client.GetJsonAsync("/api/insights/late-nights?start_date=2026-03-08&end_date=2026-03-10");
        var nineth = await Client.GetJsonAsync("/api/days/2026-03-09");
        var tenth = await Client.GetJsonAsync("/api/days/2026-03-10");
        var habits = (await Client.GetJsonAsync("/api/insights/tags?days=30")).AsArray();
        var tags = (await Client.GetJsonAsync("/api/tags")).AsArray();
        var csv = await Client.GetStringAsync("/api/export/tags.csv?start_date=2026-03-08&end_date=2026-03-10");

        Assert.Equal(3, (int?)answer["nights"]);
        var points = answer["points"]!.AsArray();
        Assert.Equal(["2026-03-08", "2026-03-09", "2026-03-10"], points.Select(p => (string?)p!["evening"]));
        Assert.Equal((25.5, 26.0, 5.0, 40.0), ((double)points[1]!["last_commit_hour"]!, (double)points[1]!["sleep_onset_hour"]!,
            (double)points[1]!["sleep_hours"]!, (double)points[1]!["next_recovery"]!));
        Assert.Equal((16.0, 23.5), ((double)points[2]!["last_commit_hour"]!, (double)points[2]!["sleep_onset_hour"]!));
        Assert.Equal(3, (int?)answer["sleep_onset"]!["n"]);
        Assert.True((double)answer["sleep_onset"]!["slope"]! > 0);
        Assert.Equal("late-night coding", (string?)nineth["tags"]!.AsArray().Single(t => (string?)t!["source"] == "auto")!["name"]);
        Assert.DoesNotContain(tenth["tags"]!.AsArray(), t => (string?)t!["source"] == "auto");
        Assert.Contains(habits, e => (string?)e!["tag"] == "late-night coding" && (string?)e["source"] == "auto" && (string?)e["measure"] == "recovery");
        Assert.DoesNotContain(habits, e => (string?)e!["source"] == "auto" && (string?)e["measure"] == "commits");
        var listed = Assert.Single(tags)!;
        Assert.Equal(("late-night coding", "auto", 1, 0), ((string?)listed["name"], (string?)listed["source"], (int)listed["yes_days"]!, (int)listed["no_days"]!));
        Assert.Equal("date,name,source,answer,note\r\n2026-03-09,late-night coding,auto,yes,\r\n", csv);
    }

    [Theory]
    [InlineData("/api/insights/load?days=abc", "days")]
    [InlineData("/api/insights/load?start_date=2026-02-30", "start_date")]
    [InlineData("/api/export/load.csv?days=0", "days")]
    [InlineData("/api/insights/late-nights?end_date=soon&start_date=2026-03-01", "end_date")]
    public async Task BadRange_Is400NamingTheParameter(string path, string parameter)
    {
        var problem = await (await Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(parameter, (string?)problem["parameter"]);
    }

    [Fact]
    public async Task OpenApi_DescribesTheLoadAndLateNightAnswers()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();

        Assert.NotNull(document["paths"]!["/api/insights/load"]!["get"]);
        Assert.NotNull(document["paths"]!["/api/insights/late-nights"]!["get"]);
        Assert.NotNull(document["paths"]!["/api/export/load.csv"]!["get"]);
        Assert.Contains("coding_ratio", schemas["LoadDayJson"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Contains("recovery_28d", schemas["LoadDayJson"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Contains("last_commit_hour", schemas["NightJson"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task InsightsPage_ReadsItsDaysOnce_ForAllFourAnalyses()
    {
        var before = fixture.App.Logs.Lines.Count;

        var html = System.Net.WebUtility.HtmlDecode(await Client.GetStringAsync("/insights?days=30"));

        var commands = fixture.App.Logs.Lines.Skip(before)
            .Where(line => line.Contains("Microsoft.EntityFrameworkCore.Database.Command: Executed DbCommand", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain("insights-load-error", html);
        Assert.Contains("id=\"load\"", html);
        // The days read is the only query taking recovery and HRV by day; "does any project exist" the only EXISTS on projects.
        Assert.Single(commands, c => c.Contains("AS \"HrvRmssd\"", StringComparison.Ordinal) && c.Contains("FROM \"whoop_recovery\"", StringComparison.Ordinal));
        Assert.Single(commands, c => c.Contains("EXISTS", StringComparison.Ordinal) && c.Contains("FROM \"project\"", StringComparison.Ordinal));
    }
}
