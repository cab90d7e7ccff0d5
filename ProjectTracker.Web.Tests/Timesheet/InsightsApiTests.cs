using System.Net;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Tests.Access;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Timesheet;

/// <summary><c>/api/insights</c> over stored days whose correlation was worked out by hand (mpmath).</summary>
public sealed class InsightsApiTests
{
    // 20 days ending "today" (15 March): each morning's recovery and that day's commits.
    private static readonly double[] Recovery = [40, 55, 62, 70, 48, 81, 90, 35, 66, 72, 58, 77, 45, 84, 60, 52, 69, 74, 38, 88];
    private static readonly int[] Commits = [2, 3, 1, 5, 0, 4, 6, 2, 3, 1, 4, 2, 1, 7, 3, 0, 5, 2, 3, 4];

    public static TheoryData<string> Databases => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Insights_TwentyDays_RecoveryAndCommitsWithTheirInterval(string database)
    {
        await using var db = database == "postgres" ? (ITestDatabase)new PostgresTestDatabase() : new SqliteTestDatabase();
        await using var app = new TrackerAppFactory(db);
        var client = app.CreateClient();
        await app.SeedAsync(async ctx =>
        {
            var project = new Project { Name = "alpha" };
            ctx.Projects.Add(project);
            await ctx.SaveChangesAsync();
            var first = new DateTime(2026, 2, 24, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 20; i++)
            {
                var day = first.AddDays(i);
                ctx.WhoopRecoveries.Add(new WhoopRecovery { CycleId = $"c{i}", Date = day, RecoveryScore = Recovery[i], ScoreState = "SCORED" });
                for (var c = 0; c < Commits[i]; c++)
                {
                    var at = day.AddHours(12).AddMinutes(c);
                    ctx.ProjectCommits.Add(new ProjectCommit { ProjectId = project.Id, Sha = $"{i}-{c}", AuthoredAt = at, CommittedAt = at });
                }
            }
        });

        var insights = await client.GetJsonAsync("/api/insights?days=20");

        Assert.Equal("2026-02-24", (string?)insights["start_date"]);
        Assert.Equal(20, insights["days"]!.AsArray().Count);
        var finding = insights["correlations"]!.AsArray()
            .Single(f => (string?)f!["body"] == "recovery" && (string?)f["coding"] == "commits" && (int?)f["lag"] == 0)!;
        Assert.Equal(20, (int?)finding["n"]);
        Assert.Equal(0.580092613932, (double)finding["r"]!, 9);
        Assert.Equal(0.185083269101, (double)finding["ci_low"]!, 9);
        Assert.Equal(0.813727162092, (double)finding["ci_high"]!, 9);
        Assert.Equal(0.00733491191745, (double)finding["p"]!, 11);
        Assert.Contains("r = 0.58 (95% CI 0.19 to 0.81, p = 0.007) over 20 days — a strong link.", (string?)finding["sentence"]);
        Assert.Equal(0.58, (double?)insights["recovery_and_commits"]!["r"]); // the first /insights' sentence is kept
        var sleep = insights["correlations"]!.AsArray().Single(f => (string?)f!["body"] == "sleep_hours" && (string?)f["coding"] == "coding_hours" && (int?)f["lag"] == 0)!;
        Assert.Equal(0, (int?)sleep["n"]);
        Assert.Null(sleep["r"]);
        Assert.Equal(7, insights["weekdays"]!.AsArray().Count);
        Assert.Equal("2026-02-04", (string?)insights["comparison"]!["previous_start_date"]);
    }

    [Fact]
    public async Task Insights_BadDays_Is400NamingIt()
    {
        await using var db = new SqliteTestDatabase();
        await using var app = new TrackerAppFactory(db);

        var problem = await (await app.CreateClient().GetAsync("/api/insights?days=abc")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("days", (string?)problem["parameter"]);
    }
}
