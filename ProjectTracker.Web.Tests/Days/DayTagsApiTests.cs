using System.Net;
using System.Net.Http.Json;
using ProjectTracker.Web.Tests.Access;
using ProjectTracker.Web.Tests.Integration;
using static ProjectTracker.Web.Tests.Integration.JsonAssertions;

namespace ProjectTracker.Web.Tests.Days;

/// <summary>Own tags through the API: added and removed by the owner (here: the local machine of an unconfigured install), refused to others.</summary>
/// <remarks>One app for the class, its database emptied before each test (<see cref="DatabaseReset"/>).</remarks>
public sealed class DayTagsApiTests(DayTagsApiTests.App app) : IClassFixture<DayTagsApiTests.App>, IAsyncLifetime
{
    public sealed class App : IAsyncLifetime
    {
        private readonly SqliteTestDatabase _database = SqliteTestDatabase.Migrated();

        public TrackerAppFactory Factory { get; private set; } = null!;

        public Task InitializeAsync()
        {
            // Clients told apart by X-Forwarded-For, as behind a proxy on the same machine.
            Factory = new TrackerAppFactory(_database, new Dictionary<string, string?> { ["Access:TrustedProxies"] = "*" });
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    private TrackerAppFactory Factory => app.Factory;

    public Task InitializeAsync() => DatabaseReset.ClearAsync(Factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OwnTag_AddedTrimmed_MatchedInAnyCase_ShownAndRemoved()
    {
        var first = await ReadAsync(await SendAsync(HttpMethod.Post, "/api/days/2026-03-10/tags", new { name = "  Deploy day " }), HttpStatusCode.OK);
        await ReadAsync(await SendAsync(HttpMethod.Post, "/api/days/2026-03-10/tags", new { name = "deploy DAY" }), HttpStatusCode.OK);
        await ReadAsync(await SendAsync(HttpMethod.Post, "/api/days/2026-03-12/tags", new { name = "Deploy day" }), HttpStatusCode.OK);

        var day = await Client().GetJsonAsync("/api/days/2026-03-10");
        var tags = (await Client().GetJsonAsync("/api/tags")).AsArray();
        var csv = await Client().GetStringAsync("/api/export/tags.csv?start_date=2026-03-01&end_date=2026-03-31");

        Assert.Equal("Deploy day", (string?)first["name"]);
        var tag = Assert.Single(day["tags"]!.AsArray())!;
        Assert.Equal(("Deploy day", "own", "yes"), ((string?)tag["name"], (string?)tag["source"], (string?)tag["answer"]));
        Assert.Null(day["recovery"]);
        Assert.Null(day["commits"]); // no GitHub data: unknown, not 0
        var summary = Assert.Single(tags)!;
        Assert.Equal(2, (int?)summary["yes_days"]);
        Assert.Equal(0, (int?)summary["no_days"]);
        Assert.Equal("date,name,source,answer,note\r\n2026-03-10,Deploy day,own,yes,\r\n2026-03-12,Deploy day,own,yes,\r\n", csv);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, "/api/days/2026-03-10/tags/DEPLOY%20DAY")).StatusCode);
        await (await SendAsync(HttpMethod.Delete, "/api/days/2026-03-10/tags/DEPLOY%20DAY")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await Client().GetJsonAsync("/api/days/2026-03-10"))["tags"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/days/2026-13-40/tags", "", "date")]
    [InlineData("/api/days/2026-03-10/tags", "", "name")]
    [InlineData("/api/days/2026-03-10/tags", "   ", "name")]
    [InlineData("/api/days/2026-03-10/tags", "a name that is much too long to be a tag: sixty-one characters", "name")]
    public async Task OwnTag_BadDateOrName_Is400NamingIt(string path, string name, string parameter)
    {
        var problem = await (await SendAsync(HttpMethod.Post, path, new { name })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(parameter, (string?)problem["parameter"]);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("9999-12-31")] // the calendar's last day has no next day to read or link (the fuzz found a 500)
    [InlineData("0001-01-01")]
    public async Task Day_BadDate_Is400NamingIt(string date)
    {
        var problem = await (await Client().GetAsync($"/api/days/{date}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("date", (string?)problem["parameter"]);
    }

    [Fact]
    public async Task OwnTag_FromAnotherMachine_Is403_AndChangesNothing()
    {
        var add = await SendAsync(HttpMethod.Post, "/api/days/2026-03-10/tags", new { name = "deploy day" }, client: "203.0.113.9");
        await SendAsync(HttpMethod.Post, "/api/days/2026-03-11/tags", new { name = "deploy day" });
        var remove = await SendAsync(HttpMethod.Delete, "/api/days/2026-03-11/tags/deploy%20day", client: "203.0.113.9");

        Assert.Contains("machine the app runs on", (string?)(await add.AssertProblemAsync(HttpStatusCode.Forbidden))["detail"]);
        await remove.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Single((await Client().GetJsonAsync("/api/tags")).AsArray());
        Assert.Single((await Client().GetJsonAsync("/api/days/2026-03-11"))["tags"]!.AsArray());
    }

    private HttpClient Client() => Factory.CreateClient();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string client = "127.0.0.1")
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", client);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Factory.CreateClient().SendAsync(request);
    }
}
