using System.Net;
using System.Text.Json.Nodes;

namespace ProjectTracker.Web.Tests.Access;

public static class ProblemAssertions
{
    /// <summary>Asserts a problem+json answer with this status and answers its body.</summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["error"]), "the old clients' error member");
        return problem;
    }
}
