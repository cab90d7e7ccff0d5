using System.Net;
using static ProjectTracker.Web.Tests.Integration.JsonAssertions;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// Every endpoint over <see cref="SeedData"/>, with the old app's field names and formats (API_COMPAT.md).
/// "Today" is 2026-03-15 for the athlete at UTC−5. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class FilledDatabaseApiTests(AppFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private static readonly string[] OldProjectFields =
        ["name", "time_spent", "loc", "commits", "active_days", "last_finished", "code_churn", "primary_language", "repository_size_kb"];

    [Fact]
    public async Task Projects_Filled_AnswerOldFormatsNewestCommitFirst()
    {
        var projects = (await Client.GetJsonAsync("/api/github/projects")).AsArray();

        Assert.Equal(["alpha", "Beta-Tool", "gamma"], projects.Select(p => (string?)p!["name"]));
        var alpha = projects[0]!;
        AssertHasFields(alpha, OldProjectFields);
        AssertHasFields(alpha, "id", "time_spent_min", "commit_count", "last_commit_date", "loc_estimated");
        Assert.Equal("270m", (string?)alpha["time_spent"]);
        Assert.Equal(12000, (int?)alpha["loc"]);
        Assert.Equal(42, (int?)alpha["commits"]);
        Assert.Equal(9, (int?)alpha["active_days"]);
        Assert.Equal("03/14/2026, 03:04:05 PM", (string?)alpha["last_finished"]);
        Assert.Equal(30000, (int?)alpha["code_churn"]);
        Assert.Equal("C#", (string?)alpha["primary_language"]);
        Assert.Equal("2048.0", (string?)alpha["repository_size_kb"]);
        Assert.Equal(270, (double?)alpha["time_spent_min"]);
        Assert.Equal(42, (int?)alpha["commit_count"]);
        Assert.Equal("2026-03-14T15:04:05Z", (string?)alpha["last_commit_date"]);
        Assert.Equal("2025-12-01T08:00:00Z", (string?)alpha["first_commit_date"]);
        Assert.False((bool?)alpha["loc_estimated"]);
        Assert.Equal("https://github.com/owner/alpha", (string?)alpha["html_url"]);
    }

    [Fact]
    public async Task Projects_HalfMinutesAndQuarterKilobytes_RoundHalfToEvenLikeTheOldApp()
    {
        var beta = (await Client.GetJsonAsync("/api/github/projects")).AsArray()[1]!;

        Assert.Equal("90m", (string?)beta["time_spent"]);
        Assert.Equal("120.2", (string?)beta["repository_size_kb"]);
        Assert.Equal("01/02/2026, 09:30:00 AM", (string?)beta["last_finished"]);
        Assert.True((bool?)beta["loc_estimated"]);
    }

    [Fact]
    public async Task Projects_RowWithoutStatistics_AnswersOldDefaults()
    {
        var gamma = (await Client.GetJsonAsync("/api/github/projects")).AsArray()[2]!;

        Assert.Equal("0m", (string?)gamma["time_spent"]);
        Assert.Equal(0, (int?)gamma["loc"]);
        Assert.Equal(0, (int?)gamma["commits"]);
        Assert.Equal(0, (int?)gamma["active_days"]);
        Assert.Equal("Never", (string?)gamma["last_finished"]);
        Assert.Equal(0, (int?)gamma["code_churn"]);
        Assert.Equal("Unknown", (string?)gamma["primary_language"]);
        Assert.Equal("0.0", (string?)gamma["repository_size_kb"]);
        Assert.Null(gamma["last_commit_date"]);
    }

    [Theory]
    [InlineData("sort=name", new[] { "alpha", "Beta-Tool", "gamma" })]
    [InlineData("sort=name&order=desc", new[] { "gamma", "Beta-Tool", "alpha" })]
    [InlineData("sort=loc", new[] { "alpha", "Beta-Tool", "gamma" })]
    [InlineData("sort=loc&order=asc", new[] { "Beta-Tool", "alpha", "gamma" })]
    [InlineData("sort=time_spent", new[] { "alpha", "Beta-Tool", "gamma" })]
    public async Task Projects_Sorted_FollowTheRequestedOrderWithEmptyValuesLast(string query, string[] expected)
    {
        var projects = (await Client.GetJsonAsync($"/api/github/projects?{query}")).AsArray();

        Assert.Equal(expected, projects.Select(p => (string?)p!["name"]));
    }

    [Theory]
    [InlineData("Beta-Tool")]
    [InlineData("beta-tool")]
    [InlineData("BETA-TOOL")]
    public async Task Project_NameInAnyCase_AnswersTheProject(string name)
    {
        var project = await Client.GetJsonAsync($"/api/github/project/{name}");

        Assert.Equal("Beta-Tool", (string?)project["name"]);
        AssertHasFields(project, OldProjectFields);
    }

    [Fact]
    public async Task Metrics_Filled_AnswerOldAggregates()
    {
        var m = await Client.GetJsonAsync("/api/github/metrics");

        Assert.Equal(3, (int?)m["total_projects"]);
        Assert.Equal(6.0, (double?)m["total_time_spent_hours"]);
        Assert.Equal(360.5, (double?)m["total_time_spent_minutes"]);
        Assert.Equal(12800, (long?)m["total_loc"]);
        Assert.Equal(49, (long?)m["total_commits"]);
        Assert.Equal(11, (long?)m["total_active_days"]);
        Assert.Equal(31000, (long?)m["total_code_churn"]);
        Assert.Equal(722.8, (double?)m["average_project_size_kb"]);
        Assert.Equal("alpha", (string?)m["project_with_most_loc"]!["name"]);
        Assert.Equal(12000, (int?)m["project_with_most_loc"]!["loc"]);
        Assert.Equal(270, (double?)m["project_with_most_time"]!["time_spent_minutes"]);
        Assert.Equal(4.5, (double?)m["project_with_most_time"]!["time_spent_hours"]);
        Assert.Equal(42, (int?)m["project_with_most_commits"]!["commits"]);
        Assert.Equal("C#", (string?)m["most_common_language"]!["language"]);
        Assert.Equal(1, (int?)m["most_common_language"]!["project_count"]);
        Assert.Equal(33.3, (double?)m["most_common_language"]!["percentage"]);
        var breakdown = m["languages_breakdown"]!.AsObject();
        Assert.Equal(["C#", "Python", "Unknown"], breakdown.Select(l => l.Key).Order(StringComparer.Ordinal));
        Assert.Equal(800, (long?)breakdown["Python"]!["total_loc"]);
        Assert.Equal(1, (int?)breakdown["Unknown"]!["project_count"]);
        Assert.Equal(33.3, (double?)breakdown["Unknown"]!["percentage_of_projects"]);
        Assert.Equal(4266.7, (double?)m["averages"]!["loc_per_project"]);
        Assert.Equal(16.3, (double?)m["averages"]!["commits_per_project"]);
        Assert.Equal(2.0, (double?)m["averages"]!["time_per_project_hours"]);
        Assert.Equal(3.7, (double?)m["averages"]!["active_days_per_project"]);
        Assert.Equal("2026-03-15T10:00:00Z", (string?)m["last_refreshed_at"]);
    }

    [Fact]
    public async Task Jobs_Filled_NewestFirstWithProgress()
    {
        var jobs = (await Client.GetJsonAsync("/api/github/refresh/jobs")).AsArray();

        Assert.Equal(["running", "completed", "failed"], jobs.Select(j => (string?)j!["status"]));
        var running = jobs[0]!;
        AssertHasFields(running, "id", "status", "started_at", "completed_at", "error_message", "repositories_processed",
            "total_repositories", "progress");
        Assert.Equal(28.6, (double?)running["progress"]);
        Assert.Equal("2026-03-15T11:00:00Z", (string?)running["started_at"]);
        Assert.Null(running["completed_at"]);
        Assert.Equal("GitHub answered 502", (string?)jobs[2]!["error_message"]);
        Assert.Equal(33.3, (double?)jobs[2]!["progress"]);
    }

    [Fact]
    public async Task Jobs_Limited_AnswerOnlyThatMany()
    {
        var jobs = (await Client.GetJsonAsync("/api/github/refresh/jobs?limit=2")).AsArray();

        Assert.Equal(2, jobs.Count);
    }

    [Fact]
    public async Task JobStatus_KnownId_AnswersTheJob()
    {
        var job = await Client.GetJsonAsync("/api/github/refresh/status/11111111-1111-1111-1111-111111111111");

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal(100, (double?)job["progress"]);
        Assert.Equal(3, (int?)job["repositories_processed"]);
        Assert.Equal("2026-03-15T10:00:00Z", (string?)job["completed_at"]);
    }

    [Fact]
    public async Task Recovery_DefaultWeek_AnswersLocalDaysNewestFirst()
    {
        var recoveries = (await Client.GetJsonAsync("/api/whoop/recovery")).AsArray();

        Assert.Equal(["2026-03-15", "2026-03-14", "2026-03-13"], recoveries.Select(r => (string?)r!["date"]));
        var newest = recoveries[0]!;
        AssertHasFields(newest, "id", "cycle_id", "date", "recovery_score", "resting_heart_rate", "hrv_rmssd", "spo2_percentage",
            "skin_temp_celsius", "recovery_status");
        Assert.Equal("1005", (string?)newest["cycle_id"]);
        Assert.Equal(80, (double?)newest["recovery_score"]);
        Assert.Equal(65.5, (double?)newest["hrv_rmssd"]);
        Assert.Equal(97.5, (double?)newest["spo2_percentage"]);
        Assert.Equal("green", (string?)newest["recovery_status"]);
        Assert.Equal(["green", "yellow", "red"], recoveries.Select(r => (string?)r!["recovery_status"]));
    }

    [Theory]
    [InlineData("days=1", new[] { "2026-03-15" })]
    [InlineData("days=30", new[] { "2026-03-15", "2026-03-14", "2026-03-13", "2026-03-08", "2026-03-01" })]
    [InlineData("start_date=2026-03-13&end_date=2026-03-14", new[] { "2026-03-14", "2026-03-13" })]
    [InlineData("start_date=2026-03-01&end_date=2026-03-01&days=1", new[] { "2026-03-01" })]
    [InlineData("end_date=2026-03-08&days=7", new[] { "2026-03-08" })]
    [InlineData("start_date=2026-03-14", new[] { "2026-03-15", "2026-03-14" })]
    public async Task Recovery_Range_SelectsInclusiveLocalDays(string query, string[] expected)
    {
        var recoveries = (await Client.GetJsonAsync($"/api/whoop/recovery?{query}")).AsArray();

        Assert.Equal(expected, recoveries.Select(r => (string?)r!["date"]));
    }

    [Fact]
    public async Task Recovery_Pending_IsListedAsUnknown()
    {
        var recoveries = (await Client.GetJsonAsync("/api/whoop/recovery?start_date=2026-03-08&end_date=2026-03-08")).AsArray();

        var pending = Assert.Single(recoveries)!;
        Assert.Null(pending["recovery_score"]);
        Assert.Equal("unknown", (string?)pending["recovery_status"]);
        Assert.Equal("PENDING_SCORE", (string?)pending["score_state"]);
    }

    [Fact]
    public async Task RecoveryLatest_Filled_AnswersTheNewest()
    {
        var latest = await Client.GetJsonAsync("/api/whoop/recovery/latest");

        Assert.Equal("2026-03-15", (string?)latest["date"]);
        Assert.Equal("green", (string?)latest["recovery_status"]);
    }

    [Fact]
    public async Task Sleep_DefaultWeek_AnswersNightsAndNapsWithWholeMinuteStages()
    {
        var sleeps = (await Client.GetJsonAsync("/api/whoop/sleep")).AsArray();

        Assert.Equal([false, true, false], sleeps.Select(s => (bool?)s!["is_nap"]));
        var night = sleeps[0]!;
        AssertHasFields(night, "id", "sleep_id", "date", "start_time", "end_time", "total_sleep_hours", "sleep_performance",
            "sleep_efficiency", "sleep_consistency", "stages", "respiratory_rate", "is_nap", "sleep_need_hours");
        Assert.Equal("2026-03-15", (string?)night["date"]);
        Assert.Equal("2026-03-15T04:00:00Z", (string?)night["start_time"]);
        Assert.Equal("2026-03-15T11:30:00Z", (string?)night["end_time"]);
        Assert.Equal(7.2, (double?)night["total_sleep_hours"]);
        Assert.Equal(96, (double?)night["stages"]!["rem_min"]);
        Assert.Equal(80, (double?)night["stages"]!["deep_min"]);
        Assert.Equal(200, (double?)night["stages"]!["light_min"]);
        Assert.Equal(30, (double?)night["stages"]!["awake_min"]);
        Assert.Equal(8.0, (double?)night["sleep_need_hours"]);
        Assert.Equal(15.2, (double?)night["respiratory_rate"]);
    }

    [Fact]
    public async Task SleepLatest_NapAfterNight_AnswersTheNight()
    {
        var latest = await Client.GetJsonAsync("/api/whoop/sleep/latest");

        Assert.Equal("aaaaaaaa-0000-0000-0000-000000000015", (string?)latest["sleep_id"]);
        Assert.False((bool?)latest["is_nap"]);
    }

    [Fact]
    public async Task Workouts_DefaultWeek_AnswerKilocaloriesAndLocalDays()
    {
        var workouts = (await Client.GetJsonAsync("/api/whoop/workouts")).AsArray();

        Assert.Equal(2, workouts.Count);
        var run = workouts[0]!;
        AssertHasFields(run, "id", "workout_id", "start_time", "end_time", "sport_id", "sport_name", "strain", "average_heart_rate",
            "max_heart_rate", "calories", "distance_meters", "duration_min", "kilojoules");
        Assert.Equal("running", (string?)run["sport_name"]);
        Assert.Equal(12.3, (double?)run["strain"]);
        Assert.Equal(500, (double?)run["calories"]);
        Assert.Equal(2092.8, (double?)run["kilojoules"]);
        Assert.Equal(46, (double?)run["duration_min"]);
        Assert.Equal("2026-03-14", (string?)run["date"]);
        var old = workouts[1]!;
        Assert.Equal(1, (int?)old["sport_id"]);
        Assert.Equal("2026-03-12", (string?)old["date"]);
        // Written by the old app: its "calories" held kilojoules (1200 kJ), served as kcal now.
        Assert.Equal(287, (double?)old["calories"]);
        Assert.Equal(1200, (double?)old["kilojoules"]);
    }

    [Fact]
    public async Task Cycles_DefaultWeek_AnswerDaysStrainAndWholeKilojoules()
    {
        var cycles = (await Client.GetJsonAsync("/api/whoop/cycles")).AsArray();

        Assert.Equal(["2026-03-15", "2026-03-14", "2026-03-10"], cycles.Select(c => (string?)c!["date"]));
        var today = cycles[0]!;
        AssertHasFields(today, "id", "cycle_id", "date", "start_time", "end_time", "strain", "kilojoules", "average_heart_rate", "max_heart_rate");
        Assert.Equal(14.6, (double?)today["strain"]);
        Assert.Equal(8368, (double?)today["kilojoules"]);
        Assert.Null(today["end_time"]);
        Assert.Equal(6000, (double?)cycles[2]!["kilojoules"]);
    }

    [Fact]
    public async Task WhoopMetrics_ThirtyDays_AnswerAggregates()
    {
        var m = await Client.GetJsonAsync("/api/whoop/metrics");

        Assert.Equal(30, (int?)m["period_days"]);
        var recovery = m["recovery"]!;
        Assert.Equal(55.0, (double?)recovery["average_score"]);
        Assert.Equal(80, (double?)recovery["max_score"]);
        Assert.Equal(20, (double?)recovery["min_score"]);
        Assert.Equal(5, (int?)recovery["total_records"]);
        Assert.Equal(2, (int?)recovery["green_days"]);
        Assert.Equal(1, (int?)recovery["yellow_days"]);
        Assert.Equal(1, (int?)recovery["red_days"]);
        Assert.Equal(6.6, (double?)m["sleep"]!["average_hours"]);
        Assert.Equal(80.5, (double?)m["sleep"]!["average_performance"]);
        Assert.Equal(2, (int?)m["sleep"]!["total_records"]);
        Assert.Equal(9.7, (double?)m["strain"]!["average_daily_strain"]);
        Assert.Equal(14.6, (double?)m["strain"]!["max_daily_strain"]);
        Assert.Equal(2, (int?)m["strain"]!["total_workouts"]);
        Assert.Equal(10.2, (double?)m["strain"]!["average_workout_strain"]);
        Assert.Equal(57.7, (double?)m["hrv"]!["average"]);
        Assert.Equal("improving", (string?)m["hrv"]!["trend"]);
        Assert.Equal(54.5, (double?)m["resting_heart_rate"]!["average"]);
    }

    [Fact]
    public async Task WhoopMetrics_GivenDates_ReportTheirLength()
    {
        var m = await Client.GetJsonAsync("/api/whoop/metrics?start_date=2026-03-13&end_date=2026-03-15");

        Assert.Equal(3, (int?)m["period_days"]);
        Assert.Equal(3, (int?)m["recovery"]!["total_records"]);
        Assert.Equal("2026-03-13", (string?)m["start_date"]);
    }

    [Fact]
    public async Task UnknownProject_Filled_AnswersNotFoundProblem()
    {
        var problem = await Client.GetJsonAsync("/api/github/project/delta", HttpStatusCode.NotFound);

        AssertProblem(problem, 404, "Project not found");
        Assert.Contains("delta", (string?)problem["detail"]);
    }
}

public sealed class SqliteFilledDatabaseApiTests(SqliteFilledApp fixture) : FilledDatabaseApiTests(fixture), IClassFixture<SqliteFilledApp>;

public sealed class PostgresFilledDatabaseApiTests(PostgresFilledApp fixture) : FilledDatabaseApiTests(fixture), IClassFixture<PostgresFilledApp>;
