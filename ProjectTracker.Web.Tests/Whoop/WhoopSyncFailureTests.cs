using System.Net;
using System.Text.Json.Nodes;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Tests.Startup;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>
/// A WHOOP sync that cannot reach WHOOP says so (with the socket error, and that WHOOP was not asked), and the failure
/// stays in <c>/api/whoop/status</c> (<c>last_sync_error</c>) after the request that met it.
/// </summary>
public sealed class WhoopSyncFailureTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private TrackerAppFactory _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        var nothingListens = $"http://127.0.0.1:{AppProcess.FreePort()}";
        _app = new TrackerAppFactory(_database, new Dictionary<string, string?>
        {
            ["Whoop:ApiBaseUrl"] = nothingListens + "/developer",
            ["Whoop:TokenEndpoint"] = nothingListens + "/oauth/oauth2/token",
            ["WHOOP_CLIENT_ID"] = "client",
            ["WHOOP_CLIENT_SECRET"] = "secret",
            ["WHOOP_ACCESS_TOKEN"] = "access",
            ["WHOOP_REFRESH_TOKEN"] = "refresh",
        });
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Refresh_WhoopNotReachable_SaysSoAndTheStatusKeepsTheFailure()
    {
        var problem = await _client.PostAsync("/api/whoop/refresh?days=2", null);
        var detail = (string?)JsonNode.Parse(await problem.Content.ReadAsStringAsync())!["detail"];
        var status = await _client.GetJsonAsync("/api/whoop/status");

        Assert.Equal(HttpStatusCode.BadGateway, problem.StatusCode);
        Assert.Contains("could not be reached from here (Connection refused", detail);
        Assert.Contains("WHOOP was not asked", detail);
        Assert.Equal("failed", (string?)status["last_sync_status"]);
        Assert.Contains("Connection refused", (string?)status["last_sync_error"]);
    }
}
