using System.Net;
using static ProjectTracker.Web.Tests.Integration.JsonAssertions;

namespace ProjectTracker.Web.Tests.Integration;

public sealed class HealthAndStatusTests
{
    [Fact]
    public async Task Healthz_DatabaseGoneUnderARunningApp_AnswersServiceUnavailable()
    {
        var database = new PostgresTestDatabase();
        await using var app = new TrackerAppFactory(database);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        database.Drop();
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhoopStatus_CredentialsAndBootstrapTokens_ReportedWithoutRevealingThem()
    {
        const string secret = "client-secret-5f2c", access = "access-token-9a1b", refresh = "refresh-token-77de";
        await using var database = new SqliteTestDatabase();
        await using var app = new TrackerAppFactory(database, new Dictionary<string, string?>
        {
            ["WHOOP_CLIENT_ID"] = "client-id-1",
            ["WHOOP_CLIENT_SECRET"] = secret,
            ["WHOOP_ACCESS_TOKEN"] = access,
            ["WHOOP_REFRESH_TOKEN"] = refresh,
        });
        using var client = app.CreateClient();

        var statusResponse = await client.GetAsync("/api/whoop/status");
        var body = await statusResponse.Content.ReadAsStringAsync();

        var status = await ReadAsync(statusResponse, HttpStatusCode.OK);
        Assert.True((bool?)status["configured"]);
        Assert.True((bool?)status["has_client_credentials"]);
        Assert.True((bool?)status["has_access_token"]);
        Assert.True((bool?)status["has_refresh_token"]);
        Assert.Equal("/login/whoop", (string?)status["connect_url"]);
        Assert.True((bool?)status["connected"]);
        foreach (var token in new[] { secret, access, refresh })
        {
            Assert.DoesNotContain(token, body);
        }
    }

    [Fact]
    public async Task Settings_SectionedNamesAndFlatNames_BothConfigureWhoop()
    {
        await using var database = new SqliteTestDatabase();
        await using var app = new TrackerAppFactory(database, new Dictionary<string, string?>
        {
            ["Whoop:ClientId"] = "sectioned-id",
            ["Whoop:ClientSecret"] = "sectioned-secret",
        });
        using var client = app.CreateClient();

        var status = await client.GetJsonAsync("/api/whoop/status");

        Assert.True((bool?)status["has_client_credentials"]);
        Assert.False((bool?)status["has_access_token"]);
    }
}
