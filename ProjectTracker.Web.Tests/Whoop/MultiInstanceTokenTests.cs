using System.Net;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>Two app instances on one PostgreSQL database: tokens one wrote decrypt on the other; renewal happens once.</summary>
public sealed class MultiInstanceTokenTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private WhoopSimulatorServer _whoop = null!;
    private TrackerAppFactory _first = null!;
    private TrackerAppFactory _second = null!;

    public async Task InitializeAsync()
    {
        _whoop = await WhoopSimulatorServer.StartAsync();
        var night = TrackerAppFactory.Now.AddHours(-8);
        _whoop.State.Sleeps["s-1"] = new WhoopSleepRecord("s-1", 1, 10129, night, night, night, night.AddHours(7), "Z", false,
            WhoopScoreState.Pending, null);
        var settings = new Dictionary<string, string?>
        {
            ["Whoop:ApiBaseUrl"] = _whoop.ApiBaseUrl.ToString(),
            ["Whoop:TokenEndpoint"] = _whoop.TokenEndpoint.ToString(),
            ["WHOOP_CLIENT_ID"] = _whoop.State.ClientId,
            ["WHOOP_CLIENT_SECRET"] = _whoop.State.ClientSecret,
            ["WHOOP_ACCESS_TOKEN"] = "whoop-access-token",
            ["WHOOP_REFRESH_TOKEN"] = "whoop-refresh-token",
        };
        _first = new TrackerAppFactory(_database, settings);
        _first.CreateClient().Dispose(); // the first instance migrates, imports the tokens and makes the key ring
        _second = new TrackerAppFactory(_database, settings);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _whoop.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Refresh_ExpiredTokenSeenByTwoInstancesAtOnce_IsRenewedOnceAndBothSucceed()
    {
        using var first = _first.CreateClient();
        using var second = _second.CreateClient();
        _whoop.State.AccessTokens.Clear(); // the stored access token has expired

        var answers = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => (i % 2 == 0 ? first : second).PostAsync("/api/whoop/refresh?days=2", null)));

        var failures = await Task.WhenAll(answers.Where(a => a.StatusCode != HttpStatusCode.OK).Select(a => a.Content.ReadAsStringAsync()));
        Assert.True(failures.Length == 0, string.Join("\n", failures));
        Assert.Equal(1, _whoop.State.TokenRefreshes);
        Assert.True((bool?)(await second.GetJsonAsync("/api/whoop/status"))["connected"]);
    }
}
