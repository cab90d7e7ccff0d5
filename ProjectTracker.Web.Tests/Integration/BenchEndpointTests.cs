using System.Net;
using System.Text.Json.Nodes;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>The read-API benchmark's static endpoint exists only when a setting asks for it.</summary>
public sealed class BenchEndpointTests(SqliteEmptyApp fixture) : IClassFixture<SqliteEmptyApp>
{
    [Fact]
    public async Task StaticEndpoint_Default_IsNotFound()
    {
        var response = await fixture.Client.GetAsync("/api/bench/static");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StaticEndpoint_Enabled_AnswersJsonOfTheSizeAsked()
    {
        await using var database = new SqliteTestDatabase();
        await using var app = new TrackerAppFactory(database, new Dictionary<string, string?> { ["Bench:StaticEndpoint"] = "true" });
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/bench/static?bytes=20000");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.InRange(body.Length, 19_800, 20_000);
        Assert.IsType<JsonArray>(JsonNode.Parse(body));
    }
}
