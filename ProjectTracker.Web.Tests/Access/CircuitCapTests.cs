using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Access;

/// <summary><c>Access:MaxCircuitsPerClient</c>: a client cannot hold more dashboard WebSockets open than the cap.</summary>
public sealed class CircuitCapTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private TrackerAppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new TrackerAppFactory(_database, new Dictionary<string, string?> { ["Access:MaxCircuitsPerClient"] = "2" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    // The circuit's transport as a browser opens it: negotiate, then the WebSocket with the connection token.
    private async Task<WebSocket> OpenCircuitSocketAsync()
    {
        using var client = _app.CreateClient();
        var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        var token = (string?)JsonNode.Parse(await negotiate.Content.ReadAsStringAsync())!["connectionToken"];
        return await _app.Server.CreateWebSocketClient().ConnectAsync(new Uri(_app.Server.BaseAddress, $"/_blazor?id={token}".Replace("http", "ws")), CancellationToken.None);
    }

    [Fact]
    public async Task Circuits_OverTheCapPerClient_AreRefused()
    {
        using var first = await OpenCircuitSocketAsync();
        using var second = await OpenCircuitSocketAsync();

        var third = await Record.ExceptionAsync(OpenCircuitSocketAsync);

        Assert.Equal(WebSocketState.Open, second.State);
        Assert.NotNull(third);
        Assert.Contains("429", third.Message);
    }
}
