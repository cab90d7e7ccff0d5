using System.Net;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Scale;

/// <summary>
/// SPEC "Scale" and "WHOOP": the Data Protection key ring lives in the shared database, so tokens one process stored
/// decrypt in another; a renewal is single-flight across processes (WHOOP rotates refresh tokens).
/// </summary>
[Collection(ScaleProcessesCollection.Name)]
public sealed class MultiProcessWhoopTests : IAsyncLifetime
{
    private WhoopSimulatorServer _whoop = null!;

    public async Task InitializeAsync()
    {
        _whoop = await WhoopSimulatorServer.StartAsync();
        var night = DateTimeOffset.UtcNow.AddHours(-10);
        _whoop.State.Sleeps["s-1"] = new WhoopSleepRecord("s-1", 1, 10129, night, night, night, night.AddHours(7), "Z", false,
            WhoopScoreState.Pending, null);
    }

    public async Task DisposeAsync() => await _whoop.DisposeAsync();

    [Fact]
    public async Task Refresh_OnAProcessThatDidNotImportTheTokens_DecryptsThemWithTheSharedKeyRing()
    {
        await using var cluster = await AppCluster.CreateAsync(WhoopSettings());
        var importer = await cluster.StartInstanceAsync(BootstrapTokens());
        var other = await cluster.StartInstanceAsync(); // no WHOOP_ACCESS_TOKEN: it can only use what the first stored

        using var refresh = await other.Client.PostAsync("/api/whoop/refresh?days=2", null);
        var answer = await JsonAssertions.ReadAsync(refresh, HttpStatusCode.OK);
        var status = await other.Client.GetJsonAsync("/api/whoop/status");

        Assert.Equal(1, (int?)answer["synced"]!["sleep"]);
        Assert.True((bool?)status["connected"], $"{status.ToJsonString()}\n{cluster.Describe()}");
        Assert.Equal(0, _whoop.State.TokenRefreshes); // the imported access token itself was used, not a renewal
        Assert.Equal(1, await cluster.ScalarAsync("SELECT COUNT(*) FROM whoop_sleep"));
        // One key, made by the importer: the second process read the ring instead of making its own.
        Assert.Equal(1, await cluster.ScalarAsync("SELECT COUNT(*) FROM data_protection_key"));
        Assert.DoesNotContain("whoop-access-token", importer.Process.Output + other.Process.Output);
    }

    [Fact]
    public async Task Refresh_ExpiredTokenSeenByTwoProcessesAtOnce_IsRenewedOnceAndEveryAnswerIsOk()
    {
        await using var cluster = await AppCluster.CreateAsync(WhoopSettings());
        var first = await cluster.StartInstanceAsync(BootstrapTokens());
        var second = await cluster.StartInstanceAsync();
        _whoop.State.AccessTokens.Clear(); // the stored access token has expired at WHOOP

        var answers = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => (i % 2 == 0 ? first : second).Client.PostAsync("/api/whoop/refresh?days=2", null)));

        var failures = await Task.WhenAll(answers.Where(a => a.StatusCode != HttpStatusCode.OK)
            .Select(async a => $"{(int)a.StatusCode}: {await a.Content.ReadAsStringAsync()}"));
        Assert.True(failures.Length == 0, $"{string.Join("\n", failures)}\n{cluster.Describe()}");
        Assert.Equal(1, _whoop.State.TokenRefreshes);
        Assert.True((bool?)(await first.Client.GetJsonAsync("/api/whoop/status"))["connected"]);
        Assert.True((bool?)(await second.Client.GetJsonAsync("/api/whoop/status"))["connected"]);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    private Dictionary<string, string> WhoopSettings() => new()
    {
        ["Whoop__ApiBaseUrl"] = _whoop.ApiBaseUrl.ToString(),
        ["Whoop__TokenEndpoint"] = _whoop.TokenEndpoint.ToString(),
        ["WHOOP_CLIENT_ID"] = _whoop.State.ClientId,
        ["WHOOP_CLIENT_SECRET"] = _whoop.State.ClientSecret,
    };

    private static Dictionary<string, string> BootstrapTokens() => new()
    {
        ["WHOOP_ACCESS_TOKEN"] = "whoop-access-token",
        ["WHOOP_REFRESH_TOKEN"] = "whoop-refresh-token",
    };
}
