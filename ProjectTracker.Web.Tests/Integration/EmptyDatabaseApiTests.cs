using System.Net;
using System.Text.Json.Nodes;
using static ProjectTracker.Web.Tests.Integration.JsonAssertions;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>Every endpoint on a database the app has just created, and every bad input. Run on SQLite and PostgreSQL.</summary>
public abstract class EmptyDatabaseApiTests(AppFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Theory]
    [InlineData("/api/github/projects")]
    [InlineData("/api/github/refresh/jobs")]
    [InlineData("/api/whoop/recovery")]
    [InlineData("/api/whoop/sleep")]
    [InlineData("/api/whoop/workouts")]
    [InlineData("/api/whoop/cycles")]
    [InlineData("/api/whoop/recovery?days=3650")]
    [InlineData("/api/whoop/sleep?start_date=2020-01-01&end_date=2026-03-15")]
    public async Task Lists_EmptyDatabase_AnswerEmptyArrays(string url)
    {
        var json = await Client.GetJsonAsync(url);

        Assert.Empty(json.AsArray());
    }

    [Theory]
    [InlineData("/api/whoop/recovery/latest", "No recovery data found")]
    [InlineData("/api/whoop/sleep/latest", "No sleep data found")]
    [InlineData("/api/github/project/alpha", "Project not found")]
    [InlineData("/api/github/refresh/status/00000000-0000-0000-0000-000000000000", "Job not found")]
    public async Task SingleRecords_EmptyDatabase_AnswerNotFoundProblem(string url, string error)
    {
        var problem = await Client.GetJsonAsync(url, HttpStatusCode.NotFound);

        AssertProblem(problem, 404, error);
    }

    [Fact]
    public async Task GitHubMetrics_EmptyDatabase_AnswersTheOldZeroShape()
    {
        var json = await Client.GetJsonAsync("/api/github/metrics");

        Assert.Equal(0, (int?)json["total_projects"]);
        Assert.Equal(0, (double?)json["total_time_spent_hours"]);
        Assert.Equal(0, (long?)json["total_loc"]);
        Assert.Equal(0, (long?)json["total_commits"]);
        Assert.Equal(0, (double?)json["average_project_size_kb"]);
        Assert.Equal(0, (long?)json["total_active_days"]);
        Assert.Equal(0, (long?)json["total_code_churn"]);
        foreach (var leader in new[] { "project_with_most_loc", "project_with_most_time", "project_with_most_commits", "most_common_language" })
        {
            Assert.True(json.AsObject().ContainsKey(leader), leader);
            Assert.Null(json[leader]);
        }

        Assert.Empty(json["languages_breakdown"]!.AsObject());
        Assert.True(json.AsObject().ContainsKey("last_refreshed_at"));
        Assert.Null(json["last_refreshed_at"]);
    }

    [Fact]
    public async Task WhoopMetrics_EmptyDatabase_AnswersNullAveragesAndZeroCountsForThirtyDays()
    {
        var json = await Client.GetJsonAsync("/api/whoop/metrics");

        Assert.Equal(30, (int?)json["period_days"]);
        AssertHasFields(json["recovery"]!, "average_score", "max_score", "min_score", "total_records", "green_days", "yellow_days", "red_days",
            "scored_records");
        AssertHasFields(json["sleep"]!, "average_hours", "average_performance", "total_records", "scored_records");
        AssertHasFields(json["strain"]!, "average_daily_strain", "max_daily_strain", "total_workouts", "average_workout_strain",
            "scored_days", "scored_workouts");
        // Nothing measured is null, not a 0 that a frontend would show as "0 % recovery".
        Assert.Null(json["recovery"]!["average_score"]);
        Assert.Null(json["recovery"]!["max_score"]);
        Assert.Null(json["sleep"]!["average_hours"]);
        Assert.Null(json["strain"]!["average_daily_strain"]);
        Assert.Null(json["strain"]!["average_workout_strain"]);
        Assert.Equal(0, (int?)json["strain"]!["total_workouts"]);
        Assert.Equal(0, (int?)json["recovery"]!["scored_records"]);
        Assert.Null(json["hrv"]!["average"]);
        Assert.Equal("insufficient_data", (string?)json["hrv"]!["trend"]);
        Assert.Null(json["resting_heart_rate"]!["average"]);
    }

    [Fact]
    public async Task WhoopStatus_NotConfigured_SaysSoAndHowToConfigure()
    {
        var json = await Client.GetJsonAsync("/api/whoop/status");

        AssertHasFields(json, "configured", "has_access_token", "has_refresh_token", "has_client_credentials", "authenticated",
            "message", "connected", "whoop_user_id", "token_expires_at", "last_sync_at", "scopes", "reconnect_required");
        Assert.False((bool?)json["configured"]);
        Assert.False((bool?)json["connected"]);
        Assert.Contains("WHOOP_CLIENT_ID", (string?)json["message"]);
    }

    [Fact]
    public async Task WhoopRefresh_NotConnected_AnswersConflictWithHowToConnect()
    {
        var problem = await ReadAsync(await Client.PostAsync("/api/whoop/refresh?days=7", null), HttpStatusCode.Conflict);

        AssertProblem(problem, 409);
        Assert.Equal("/login/whoop", (string?)problem["setup_url"]);
        Assert.Contains("WHOOP_CLIENT_ID", (string?)problem["detail"]);
    }

    [Fact]
    public async Task RefreshToday_NotConfigured_AnswersOkSkipped()
    {
        var json = await Client.GetJsonAsync("/api/whoop/refresh/today");

        Assert.Equal("skipped", (string?)json["status"]);
        Assert.Equal("not_configured", (string?)json["reason"]);
        Assert.Equal("Using cached data from database", (string?)json["message"]);
    }

    [Fact]
    public async Task ProfileAndAuthTest_NotConfigured_AnswerBadRequestProblems()
    {
        var profile = await Client.GetJsonAsync("/api/whoop/profile", HttpStatusCode.BadRequest);
        var auth = await Client.GetJsonAsync("/api/whoop/auth/test", HttpStatusCode.BadRequest);

        AssertProblem(profile, 400);
        AssertProblem(auth, 400);
        Assert.False((bool?)auth["success"]);
        Assert.Contains("WHOOP_CLIENT_ID", (string?)auth["details"]);
    }

    [Fact]
    public async Task SyncStatus_Empty_AnswersNoSyncAndZeroCounts()
    {
        var json = await Client.GetJsonAsync("/api/whoop/sync/status");

        Assert.Null(json["last_sync"]);
        Assert.Equal(0, (int?)json["total_records"]);
        Assert.Null(json["latest_data_dates"]!["recovery"]);
    }

    [Fact]
    public async Task Healthz_DatabaseUp_AnswersOk()
    {
        var response = await Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/whoop/recovery?days=0", "days")]
    [InlineData("/api/whoop/recovery?days=-3", "days")]
    [InlineData("/api/whoop/recovery?days=abc", "days")]
    [InlineData("/api/whoop/recovery?days=", "days")]
    [InlineData("/api/whoop/recovery?days=1.5", "days")]
    [InlineData("/api/whoop/recovery?days=99999", "days")]
    [InlineData("/api/whoop/recovery?days=99999999999999999999999", "days")]
    [InlineData("/api/whoop/recovery?days=7&days=8", "days")]
    [InlineData("/api/whoop/sleep?start_date=2024-13-40&end_date=2024-12-01", "start_date")]
    [InlineData("/api/whoop/sleep?start_date=2024-02-30&end_date=2024-03-01", "start_date")]
    [InlineData("/api/whoop/sleep?start_date=2024-01-01&end_date=01/02/2024", "end_date")]
    [InlineData("/api/whoop/workouts?start_date=2024-03-10&end_date=2024-03-01", "end_date")]
    [InlineData("/api/whoop/workouts?start_date=2099-01-01", "start_date")]
    [InlineData("/api/whoop/cycles?start_date=1990-01-01&end_date=2024-01-01", "start_date")]
    [InlineData("/api/whoop/cycles?days=%F0%9F%92%A5", "days")]
    [InlineData("/api/whoop/cycles?end_date=0001-01-03", "end_date")]
    [InlineData("/api/whoop/cycles?start_date=9999-12-30&end_date=9999-12-31", "start_date")]
    [InlineData("/api/whoop/metrics?days=0", "days")]
    [InlineData("/api/whoop/metrics?start_date=2024-01-01&end_date=2024-01-01&days=x", "days")]
    [InlineData("/api/github/refresh/jobs?limit=0", "limit")]
    [InlineData("/api/github/refresh/jobs?limit=101", "limit")]
    [InlineData("/api/github/refresh/jobs?limit=ten", "limit")]
    [InlineData("/api/github/projects?sort=stars", "sort")]
    [InlineData("/api/github/projects?order=sideways", "order")]
    public async Task Get_BadParameter_AnswersBadRequestNamingIt(string url, string parameter)
    {
        var problem = await Client.GetJsonAsync(url, HttpStatusCode.BadRequest);

        AssertProblem(problem, 400);
        Assert.Equal(parameter, (string?)problem["parameter"]);
        Assert.NotNull(problem["errors"]![parameter]);
        Assert.Contains(parameter, (string?)problem["detail"]);
    }

    [Fact]
    public async Task WhoopRefresh_BadDays_AnswersBadRequestBeforeConflict()
    {
        var problem = await ReadAsync(await Client.PostAsync("/api/whoop/refresh?days=0", null), HttpStatusCode.BadRequest);

        Assert.Equal("days", (string?)problem["parameter"]);
    }

    [Fact]
    public async Task UnknownApiRoute_AnswersNotFoundProblem()
    {
        var problem = await Client.GetJsonAsync("/api/github/nothing-here", HttpStatusCode.NotFound);

        Assert.Equal(404, (int?)problem["status"]);
        Assert.NotNull(problem["error"]);
    }

    [Theory]
    [InlineData("GET", "/api/projects?sort=name", "/api/github/projects?sort=name", HttpStatusCode.TemporaryRedirect)]
    [InlineData("GET", "/api/metrics", "/api/github/metrics", HttpStatusCode.TemporaryRedirect)]
    [InlineData("POST", "/api/refresh?x=1", "/api/github/refresh?x=1", HttpStatusCode.TemporaryRedirect)]
    public async Task LegacyRoute_Redirects_KeepingMethodAndQuery(string method, string from, string to, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), from);
        request.Headers.Add("Origin", "https://frontend.example");

        var response = await Client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(to, response.Headers.Location?.OriginalString);
        Assert.Equal("https://frontend.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task LegacyProjects_FollowedLikeABrowser_ReachesTheProjectList()
    {
        var redirect = await Client.GetAsync("/api/projects");
        var json = await Client.GetJsonAsync(redirect.Headers.Location!.OriginalString);

        Assert.IsType<JsonArray>(json);
    }

    [Fact]
    public async Task Cors_AllowedOrigin_GetsHeaders_OtherOriginDoesNot()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/github/projects");
        allowed.Headers.Add("Origin", "https://frontend.example");
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/github/projects");
        other.Headers.Add("Origin", "https://evil.example");

        var allowedResponse = await Client.SendAsync(allowed);
        var otherResponse = await Client.SendAsync(other);

        Assert.Equal("https://frontend.example", allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(otherResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_Preflight_ForLegacyRefreshPost_IsAllowed()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/refresh");
        preflight.Headers.Add("Origin", "https://frontend.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        var response = await Client.SendAsync(preflight);

        Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
        Assert.Equal("https://frontend.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }
}

public sealed class SqliteEmptyDatabaseApiTests(SqliteEmptyApp fixture) : EmptyDatabaseApiTests(fixture), IClassFixture<SqliteEmptyApp>;

public sealed class PostgresEmptyDatabaseApiTests(PostgresEmptyApp fixture) : EmptyDatabaseApiTests(fixture), IClassFixture<PostgresEmptyApp>;
