using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ProjectTracker.Web.Tests.GitHub;
using ProjectTracker.Web.Tests.Whoop;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// The read endpoints' response cache and the GitHub read model behind it: data a job refreshed is served on the very
/// next request of this instance, and another instance on the same database serves it once <c>Api:ResponseCacheSeconds</c>
/// (and <c>ReadModel:MaxAgeSeconds</c>) have passed. The clock is fake
/// and stands still, so only invalidation (not the cache's lifetime) can make a fresh answer appear.
/// </summary>
public sealed class ResponseCacheTests
{
    private const string Projects = "/api/github/projects";
    private const string Metrics = "/api/github/metrics";

    [Fact]
    public async Task GitHubReads_AfterARefreshJob_ServeTheRefreshedData()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        AddProject(h, "alpha");
        await h.RefreshAsync();
        Assert.Single(await ArrayAsync(h.Client, Projects));
        Assert.Equal(1, (int?)(await h.Client.GetJsonAsync(Metrics))["total_projects"]);

        AddProject(h, "beta");
        await h.RefreshAsync();

        Assert.Equal(["alpha", "beta"], (await ArrayAsync(h.Client, Projects)).Select(p => (string?)p!["name"]).Order());
        Assert.Equal(2, (int?)(await h.Client.GetJsonAsync(Metrics))["total_projects"]);
    }

    [Fact]
    public async Task GitHubReads_WriteByAnotherProcess_ServedOnceTheCacheLifetimeHasPassed()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        AddProject(h, "alpha");
        await h.RefreshAsync();
        Assert.Equal("alpha", (string?)(await ArrayAsync(h.Client, Projects)).Single()!["name"]);

        // A plain connection, as another instance would write: this process is not told.
        await using (var other = new SqliteConnection($"Data Source={h.SqlitePath}"))
        {
            await other.OpenAsync();
            await using var rename = other.CreateCommand();
            rename.CommandText = "UPDATE project SET name = 'renamed'";
            Assert.Equal(1, await rename.ExecuteNonQueryAsync());
        }

        var cached = await ArrayAsync(h.Client, Projects);
        h.Clock.Advance(TimeSpan.FromSeconds(2));
        var expired = await ArrayAsync(h.Client, Projects);

        Assert.Equal("alpha", (string?)cached.Single()!["name"]);
        Assert.Equal("renamed", (string?)expired.Single()!["name"]);
    }

    [Fact]
    public async Task GitHubReads_CacheOffReadModelOn_ServeAnotherProcessesWriteOnceTheReadModelsBoundHasPassed()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["Api:ResponseCacheSeconds"] = "0" });
        AddProject(h, "alpha");
        await h.RefreshAsync();
        Assert.Single(await ArrayAsync(h.Client, Projects));

        await using (var other = new SqliteConnection($"Data Source={h.SqlitePath}"))
        {
            await other.OpenAsync();
            await using var delete = other.CreateCommand();
            delete.CommandText = "DELETE FROM project";
            await delete.ExecuteNonQueryAsync();
        }

        var shared = await ArrayAsync(h.Client, Projects);
        var sharedMetrics = await h.Client.GetJsonAsync(Metrics);
        h.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Single(shared);
        Assert.Equal(1, (int?)sharedMetrics["total_projects"]);
        Assert.Empty(await ArrayAsync(h.Client, Projects));
        Assert.Equal(0, (int?)(await h.Client.GetJsonAsync(Metrics))["total_projects"]);
    }

    [Fact]
    public async Task GitHubReads_CacheAndReadModelOff_ServeAnotherProcessesWriteAtOnce()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Api:ResponseCacheSeconds"] = "0", ["ReadModel:MaxAgeSeconds"] = "0",
        });
        AddProject(h, "alpha");
        await h.RefreshAsync();
        Assert.Single(await ArrayAsync(h.Client, Projects));

        await using (var other = new SqliteConnection($"Data Source={h.SqlitePath}"))
        {
            await other.OpenAsync();
            await using var delete = other.CreateCommand();
            delete.CommandText = "DELETE FROM project";
            await delete.ExecuteNonQueryAsync();
        }

        Assert.Empty(await ArrayAsync(h.Client, Projects));
    }

    // A repository is a project once the account has a commit in it.
    private static void AddProject(GitHubRefreshHarness h, string name) =>
        h.Simulator.AddCommit(h.Simulator.AddRepository(name), new DateTime(2026, 3, 5, 12, 0, 0, DateTimeKind.Utc));

    private static async Task<JsonArray> ArrayAsync(HttpClient client, string path) => (await client.GetJsonAsync(path)).AsArray();
}

/// <summary>The same for WHOOP: a sync's records are served on the very next request.</summary>
public sealed class WhoopResponseCacheTests : ConnectedWhoopApp
{
    [Fact]
    public async Task WhoopReads_AfterASync_ServeTheSyncedData()
    {
        Assert.Empty((await Client.GetJsonAsync("/api/whoop/recovery?days=7")).AsArray());
        Assert.Equal(0, (int?)(await Client.GetJsonAsync("/api/whoop/metrics?days=7"))["recovery"]!["total_records"]);

        (await Client.PostAsync("/api/whoop/refresh?days=7", null)).EnsureSuccessStatusCode();

        Assert.Single((await Client.GetJsonAsync("/api/whoop/recovery?days=7")).AsArray());
        Assert.Equal(1, (int?)(await Client.GetJsonAsync("/api/whoop/metrics?days=7"))["recovery"]!["total_records"]);
    }
}

/// <summary>An answer from the cache is the same answer: body, content type, CORS and security headers.</summary>
public sealed class CachedAnswerTests(SqliteFilledApp fixture) : IClassFixture<SqliteFilledApp>
{
    [Theory]
    [InlineData("/api/github/projects")]
    [InlineData("/api/github/metrics")]
    [InlineData("/api/whoop/recovery?days=30")]
    [InlineData("/api/whoop/metrics?days=30")]
    public async Task CachedAnswer_SecondRequest_SameBodyAndHeaders(string path)
    {
        var first = await GetAsync(path);
        var second = await GetAsync(path);

        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Headers, second.Headers);
        Assert.Contains("content-type: application/json; charset=utf-8", second.Headers);
        Assert.Contains("access-control-allow-origin: https://frontend.example", second.Headers);
        Assert.Contains(second.Headers, h => h.StartsWith("content-security-policy:", StringComparison.Ordinal));
        Assert.Contains($"content-length: {second.Body.Length}", second.Headers);
    }

    private async Task<(string Body, List<string> Headers)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://frontend.example");
        using var response = await fixture.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date")
            // The policy's nonce is new on every answer, cached or not.
            .Select(h => System.Text.RegularExpressions.Regex.Replace($"{h.Key.ToLowerInvariant()}: {string.Join(",", h.Value)}", "'nonce-[^']+'", "'nonce'"))
            .Order().ToList();
        return (body, headers);
    }
}
