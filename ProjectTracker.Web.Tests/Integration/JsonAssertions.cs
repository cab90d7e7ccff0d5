using System.Net;
using System.Text.Json.Nodes;

namespace ProjectTracker.Web.Tests.Integration;

public static class JsonAssertions
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadAsync(await client.GetAsync(url), expected);

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        Assert.Equal((int)expected >= 400 ? "application/problem+json" : "application/json", mediaType);
        return JsonNode.Parse(body) ?? throw new InvalidOperationException("The body was JSON null.");
    }

    /// <summary>Problem+json with the status, a detail a person can act on, and the old app's <c>error</c> member.</summary>
    public static void AssertProblem(JsonNode problem, int status, string? error = null)
    {
        Assert.Equal(status, (int?)problem["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), "a problem needs a detail");
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["error"]), "a problem needs the old error member");
        if (error is not null)
        {
            Assert.Equal(error, (string?)problem["error"]);
        }
    }

    public static string[] Keys(JsonNode node) => node.AsObject().Select(p => p.Key).ToArray();

    public static void AssertHasFields(JsonNode node, params string[] fields)
    {
        var keys = Keys(node);
        var missing = fields.Except(keys).ToArray();
        Assert.True(missing.Length == 0, $"missing fields: {string.Join(", ", missing)} in {node.ToJsonString()}");
    }
}
