using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ProjectTracker.Web.Tests.GitHub;
using ProjectTracker.Web.Tests.Whoop;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// What the read endpoints answer after a write, now that they answer from the shared read models alone (decision 0019):
/// data a job refreshed is served on the very next request of this instance, in every order the list is kept in, and
/// another instance's write on the same database once <c>ReadModel:MaxAgeSeconds</c> has passed. The clock is fake and
/// stands still, so only invalidation (not an age) can make a fresh answer appear. The retired
/// <c>Api:ResponseCacheSeconds</c> is set as an old deployment might have it: it must delay nothing.
/// </summary>
public sealed class ReadFreshnessTests
{
    private const string Projects = "/api/github/projects";
    private const string ByName = "/api/github/projects?sort=name&order=desc";
    private const string Metrics = "/api/github/metrics";
    private const string Timesheet = "/api/github/timesheet?group=day&start_date=2026-03-01&end_date=2026-03-10";
    private static readonly Dictionary<string, string?> OldDeployment = new() { ["Api:ResponseCacheSeconds"] = "30" };

    [Fact]
    public async Task GitHubReads_AfterARefreshJob_ServeTheRefreshedData()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(OldDeployment);
        AddProject(h, "alpha");
        await h.RefreshAsync();
        Assert.Single(await ArrayAsync(h.Client, Projects));
        Assert.Single(await ArrayAsync(h.Client, ByName));
        Assert.Equal(1, (int?)(await h.Client.GetJsonAsync(Metrics))["total_projects"]);

        AddProject(h, "beta");
        await h.RefreshAsync();

        Assert.Equal(["alpha", "beta"], (await ArrayAsync(h.Client, Projects)).Select(p => (string?)p!["name"]).Order());
        Assert.Equal(["beta", "alpha"], (await ArrayAsync(h.Client, ByName)).Select(p => (string?)p!["name"]));
        Assert.Equal(2, (int?)(await h.Client.GetJsonAsync(Metrics))["total_projects"]);
    }

    /// <summary>The coding timeline is kept with the GitHub snapshot: a refresh that stores commits is in the very next timesheet.</summary>
    [Fact]
    public async Task CodingHours_AfterARefreshJob_CountTheRefreshedCommits()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        AddProject(h, "alpha");
        await h.RefreshAsync();
        var before = await h.Client.GetJsonAsync(Timesheet);

        AddProject(h, "beta");
        await h.RefreshAsync();
        var after = await h.Client.GetJsonAsync(Timesheet);

        Assert.Equal(["alpha"], before["rows"]!.AsArray().Select(r => (string?)r!["project"]));
        Assert.Equal(["alpha", "beta"], after["rows"]!.AsArray().Select(r => (string?)r!["project"]).Order());
        Assert.Equal(2, (int?)after["totals"]!["commits"]);
    }

    [Fact]
    public async Task GitHubReads_WriteByAnotherProcess_ServedOnceTheReadModelsBoundHasPassed()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(OldDeployment);
        AddProject(h, "alpha");
        await h.RefreshAsync();
        Assert.Equal("alpha", (string?)(await ArrayAsync(h.Client, Projects)).Single()!["name"]);
        Assert.Single(await ArrayAsync(h.Client, ByName));

        await WriteAsAnotherProcessAsync(h, "UPDATE project SET name = 'renamed'");
        var shared = await ArrayAsync(h.Client, Projects);
        var sharedByName = await ArrayAsync(h.Client, ByName);
        h.Clock.Advance(TimeSpan.FromSeconds(2));
        var fresh = await ArrayAsync(h.Client, Projects);
        var freshByName = await ArrayAsync(h.Client, ByName);

        Assert.Equal("alpha", (string?)shared.Single()!["name"]);
        Assert.Equal("alpha", (string?)sharedByName.Single()!["name"]);
        Assert.Equal("renamed", (string?)fresh.Single()!["name"]);
        Assert.Equal("renamed", (string?)freshByName.Single()!["name"]);
    }

    [Fact]
    public async Task GitHubReads_DeleteByAnotherProcess_ListAndMetricsServedOnceTheReadModelsBoundHasPassed()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(OldDeployment);
        AddProject(h, "alpha");
        await h.RefreshAsync();
        Assert.Single(await ArrayAsync(h.Client, Projects));

        await WriteAsAnotherProcessAsync(h, "DELETE FROM project");
        var shared = await ArrayAsync(h.Client, Projects);
        var sharedMetrics = await h.Client.GetJsonAsync(Metrics);
        h.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Single(shared);
        Assert.Equal(1, (int?)sharedMetrics["total_projects"]);
        Assert.Empty(await ArrayAsync(h.Client, Projects));
        Assert.Equal(0, (int?)(await h.Client.GetJsonAsync(Metrics))["total_projects"]);
    }

    [Fact]
    public async Task GitHubReads_ReadModelOff_ServeAnotherProcessesWriteAtOnce()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?>(OldDeployment) { ["ReadModel:MaxAgeSeconds"] = "0" });
        AddProject(h, "alpha");
        await h.RefreshAsync();
        Assert.Single(await ArrayAsync(h.Client, Projects));

        await WriteAsAnotherProcessAsync(h, "DELETE FROM project");

        Assert.Empty(await ArrayAsync(h.Client, Projects));
    }

    // A plain connection, as another instance would write: this process is not told.
    private static async Task WriteAsAnotherProcessAsync(GitHubRefreshHarness h, string sql)
    {
        await using var other = new SqliteConnection($"Data Source={h.SqlitePath}");
        await other.OpenAsync();
        await using var write = other.CreateCommand();
        write.CommandText = sql;
        Assert.Equal(1, await write.ExecuteNonQueryAsync());
    }

    // A repository is a project once the account has a commit in it.
    private static void AddProject(GitHubRefreshHarness h, string name) =>
        h.Simulator.AddCommit(h.Simulator.AddRepository(name), new DateTime(2026, 3, 5, 12, 0, 0, DateTimeKind.Utc));

    private static async Task<JsonArray> ArrayAsync(HttpClient client, string path) => (await client.GetJsonAsync(path)).AsArray();
}

/// <summary>The same for WHOOP: a sync's records are served on the very next request.</summary>
public sealed class WhoopReadFreshnessTests : ConnectedWhoopApp
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

/// <summary>
/// A repeated answer (written from what the read models keep) is the same answer: body, content type, CORS and security
/// headers; a list, written from its items' kept JSON, also says its length up front. (Objects are serialized as they
/// are written, so they go without one, as they did whenever the retired response cache did not hold them.)
/// </summary>
public sealed class RepeatedAnswerTests(SqliteFilledApp fixture) : IClassFixture<SqliteFilledApp>
{
    [Theory]
    [InlineData("/api/github/projects", true)]
    [InlineData("/api/github/metrics", false)]
    [InlineData("/api/whoop/recovery?days=30", true)]
    [InlineData("/api/whoop/metrics?days=30", false)]
    public async Task Answer_SecondRequest_SameBodyAndHeaders(string path, bool list)
    {
        var first = await GetAsync(path);
        var second = await GetAsync(path);

        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Headers, second.Headers);
        Assert.Contains("content-type: application/json; charset=utf-8", second.Headers);
        Assert.Contains("access-control-allow-origin: https://frontend.example", second.Headers);
        Assert.Contains(second.Headers, h => h.StartsWith("content-security-policy:", StringComparison.Ordinal));
        Assert.Equal(list ? JsonValueKind.Array : JsonValueKind.Object, JsonDocument.Parse(second.Body).RootElement.ValueKind);
        if (list)
        {
            Assert.Contains($"content-length: {System.Text.Encoding.UTF8.GetByteCount(second.Body)}", second.Headers);
        }
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
            // The policy's nonce is new on every answer.
            .Select(h => System.Text.RegularExpressions.Regex.Replace($"{h.Key.ToLowerInvariant()}: {string.Join(",", h.Value)}", "'nonce-[^']+'", "'nonce'"))
            .Order().ToList();
        return (body, headers);
    }
}
