using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>The Blazor hub answers pages of this app (and <c>Cors:Origins</c>) only: another site's page cannot open a circuit.</summary>
/// <remarks>One app for the class: no test writes data, and every negotiation and socket is the test's own.</remarks>
public sealed class CircuitOriginTests(CircuitOriginTests.App app) : IClassFixture<CircuitOriginTests.App>
{
    private const string Frontend = "https://frontend.example";

    public sealed class App : IAsyncLifetime
    {
        private readonly SqliteTestDatabase _database = SqliteTestDatabase.Migrated();

        public TrackerAppFactory Factory { get; private set; } = null!;

        public Task InitializeAsync()
        {
            // "*" opens the JSON API to every site; it must not open circuits.
            Factory = new TrackerAppFactory(_database, new Dictionary<string, string?> { ["Cors:Origins"] = $"{Frontend},*" });
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    private TrackerAppFactory Factory => app.Factory;

    [Theory]
    [InlineData("http://localhost")] // the test server's own address
    [InlineData("https://LOCALHOST:443")] // scheme and default port as a TLS proxy's page would send them
    [InlineData(Frontend)]
    [InlineData(null)] // no Origin: not a browser's cross-site request
    public async Task Negotiate_FromTheAppOrAConfiguredOrigin_IsAnswered(string? origin)
    {
        var response = await NegotiateAsync(origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["connectionToken"]);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://localhost:8081")] // another port is another origin
    [InlineData("null")] // a sandboxed frame or a file
    [InlineData("https://frontend.example.evil")]
    public async Task Negotiate_FromAnotherOrigin_Is403(string origin)
    {
        var response = await NegotiateAsync(origin);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Cors:Origins", (string?)problem["detail"]);
    }

    [Fact]
    public async Task WebSocket_FromAnotherOrigin_IsRefused_FromTheAppItOpens()
    {
        var token = (string?)JsonNode.Parse(await (await NegotiateAsync("http://localhost")).Content.ReadAsStringAsync())!["connectionToken"];
        var socketUri = new Uri(Factory.Server.BaseAddress, $"/_blazor?id={token}".Replace("http", "ws"));

        var crossOrigin = Factory.Server.CreateWebSocketClient();
        crossOrigin.ConfigureRequest = request => request.Headers.Origin = "https://evil.example";
        var refused = await Record.ExceptionAsync(() => crossOrigin.ConnectAsync(socketUri, CancellationToken.None));

        var sameOrigin = Factory.Server.CreateWebSocketClient();
        sameOrigin.ConfigureRequest = request => request.Headers.Origin = "http://localhost";
        using var socket = await sameOrigin.ConnectAsync(socketUri, CancellationToken.None);

        Assert.NotNull(refused);
        Assert.Contains("403", refused.Message);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    private async Task<HttpResponseMessage> NegotiateAsync(string? origin)
    {
        using var client = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }
}
