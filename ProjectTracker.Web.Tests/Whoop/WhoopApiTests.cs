using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Simulators.Faults;
using static ProjectTracker.Web.Tests.Integration.JsonAssertions;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>
/// <c>/api/whoop</c> connected through the old bootstrap variables, against the WHOOP simulator: sync, token refresh
/// (single-flight, rotation, refusal), and tokens that never leave the encrypted store.
/// </summary>
public sealed class WhoopApiTests : ConnectedWhoopApp
{

    [Fact]
    public async Task Refresh_BootstrapTokens_SyncsAndAnswersTheOldShape()
    {
        var answer = await ReadAsync(await Client.PostAsync("/api/whoop/refresh?days=7", null), HttpStatusCode.OK);
        var recoveries = (await Client.GetJsonAsync("/api/whoop/recovery")).AsArray();

        Assert.Equal("Whoop data refreshed successfully", (string?)answer["message"]);
        Assert.Equal(1, (int?)answer["synced"]!["recovery"]);
        Assert.Equal(1, (int?)answer["synced"]!["sleep"]);
        Assert.Equal(0, (int?)answer["synced"]!["workouts"]);
        Assert.Equal(7, (int?)answer["period_days"]);
        var recovery = Assert.Single(recoveries)!;
        Assert.Equal("2026-03-15", (string?)recovery["date"]);
        Assert.Equal("green", (string?)recovery["recovery_status"]);
    }

    [Fact]
    public async Task Status_Connected_ShowsTheConnectionButNoToken()
    {
        var response = await Client.GetAsync("/api/whoop/status");
        var body = await response.Content.ReadAsStringAsync();
        var status = await ReadAsync(response, HttpStatusCode.OK);

        Assert.True((bool?)status["connected"]);
        Assert.True((bool?)status["has_refresh_token"]);
        Assert.False((bool?)status["reconnect_required"]);
        Assert.DoesNotContain(AccessToken, body);
        Assert.DoesNotContain(RefreshToken, body);
    }

    [Fact]
    public async Task Tokens_AtRest_AreEncrypted()
    {
        await Client.GetAsync("/api/whoop/status");
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();

        var row = await db.WhoopConnections.SingleAsync();

        Assert.True(row.BootstrapImported);
        Assert.DoesNotContain(AccessToken, row.ProtectedAccessToken);
        Assert.DoesNotContain(RefreshToken, row.ProtectedRefreshToken);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task Refresh_ConcurrentRequestsWithARefusedAccessToken_RenewTheTokenOnce()
    {
        Whoop.State.AccessTokens.Clear(); // the stored access token has expired

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Client.PostAsync("/api/whoop/refresh?days=2", null)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, Whoop.State.TokenRefreshes);
        var status = await Client.GetJsonAsync("/api/whoop/status");
        Assert.True((bool?)status["connected"]);
        Assert.NotNull(status["token_expires_at"]);
    }

    [Fact]
    public async Task Refresh_RefreshTokenRefused_MarksReconnectNeededAndKeepsTheData()
    {
        await Client.PostAsync("/api/whoop/refresh?days=2", null);
        Whoop.State.AccessTokens.Clear();
        Whoop.State.RefreshTokens.Clear(); // revoked
        App.Clock.Advance(Web.Whoop.WhoopRangeSync.RecentlySynced); // within a minute the first sync would answer again

        var problem = await ReadAsync(await Client.PostAsync("/api/whoop/refresh?days=2", null), HttpStatusCode.Conflict);
        var again = await Client.PostAsync("/api/whoop/refresh?days=2", null);
        var status = await Client.GetJsonAsync("/api/whoop/status");

        Assert.True((bool?)problem["reconnect_required"]);
        Assert.Contains("/login/whoop", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((bool?)status["reconnect_required"]);
        Assert.False((bool?)status["connected"]);
        Assert.Single((await Client.GetJsonAsync("/api/whoop/recovery")).AsArray());
        Assert.Equal(0, Whoop.State.TokenRefreshes);
    }

    [Fact]
    public async Task Refresh_WhoopFailing_AnswersBadGatewayAndChangesNothing()
    {
        Whoop.State.Faults.Add("/developer/v2/cycle", Fault.Status(503), times: WhoopApiClient.FailureAttempts); // every try

        var problem = await ReadAsync(await Client.PostAsync("/api/whoop/refresh?days=2", null), HttpStatusCode.BadGateway);

        Assert.Contains("503", (string?)problem["detail"]);
        Assert.Empty((await Client.GetJsonAsync("/api/whoop/recovery")).AsArray());
    }

    [Fact]
    public async Task RefreshToday_ManyPageLoadsAtOnce_ShareOneSync()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Client.GetJsonAsync("/api/whoop/refresh/today")));

        Assert.All(answers, a => Assert.Equal("success", (string?)a["status"]));
        Assert.Equal(2, (int?)answers[0]["total_records"]);
        Assert.Single(Whoop.State.Requests, r => r.PathAndQuery.StartsWith("/developer/v2/cycle"));
    }

    [Fact]
    public async Task SyncStatus_AfterASync_ReportsItWithCountsAndNewestDays()
    {
        await Client.PostAsync("/api/whoop/sync/incremental", null);

        var status = await Client.GetJsonAsync("/api/whoop/sync/status");

        Assert.Equal("completed", (string?)status["last_sync"]!["status"]);
        Assert.Equal("incremental", (string?)status["last_sync"]!["last_sync_type"]);
        Assert.Equal(1, (int?)status["database_counts"]!["recovery"]);
        Assert.Equal("2026-03-15", (string?)status["latest_data_dates"]!["sleep"]);
        Assert.Equal(2, (int?)status["total_records"]);
    }

    [Fact]
    public async Task Profile_RefreshedFromWhoopThenCached()
    {
        var fresh = await Client.GetJsonAsync("/api/whoop/profile?refresh=true");
        var cached = await Client.GetJsonAsync("/api/whoop/profile");

        Assert.Equal("api", (string?)fresh["source"]);
        Assert.Equal("10129", (string?)fresh["user_id"]);
        Assert.Equal("cache", (string?)cached["source"]);
        Assert.Equal("Alex", (string?)cached["first_name"]);
    }

    [Fact]
    public async Task AuthTest_Connected_AnswersSuccessWithTheProfile()
    {
        var answer = await Client.GetJsonAsync("/api/whoop/auth/test");

        Assert.True((bool?)answer["success"]);
        Assert.Equal("athlete@example.com", (string?)answer["profile"]!["email"]);
    }

    [Fact]
    public async Task SyncFull_Connected_StartsABackgroundJobAnsweredLikeTheGitHubRefresh()
    {
        var answer = await ReadAsync(await Client.PostAsync("/api/whoop/sync/full", null), HttpStatusCode.Accepted);

        AssertHasFields(answer, "message", "job_id", "status", "check_status_url", "created");
        Assert.Equal($"/api/whoop/sync/jobs/{(string?)answer["job_id"]}", (string?)answer["check_status_url"]);
        Assert.True((bool?)answer["created"]);
    }
}
