using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ProjectTracker.Web.Tests.Access;
using ProjectTracker.Web.Tests.Integration;
using static ProjectTracker.Web.Tests.Integration.JsonAssertions;

namespace ProjectTracker.Web.Tests.Goals;

/// <summary>
/// /api/goals and /api/goals/progress: goals set and replaced by the owner (here: the local machine of an unconfigured
/// install), refused to others, bad bodies and parameters answered 400 naming them; weeks start on Sunday here.
/// </summary>
/// <remarks>One app for the class (each test sets the goals it reads): an app per test cost seconds each.</remarks>
public sealed class GoalsApiTests(GoalsApiTests.App app) : IClassFixture<GoalsApiTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        private readonly SqliteTestDatabase _database = new();

        public TrackerAppFactory Factory { get; private set; } = null!;

        public Task InitializeAsync()
        {
            // Clients told apart by X-Forwarded-For, as behind a proxy on the same machine.
            Factory = new TrackerAppFactory(_database, new Dictionary<string, string?>
            {
                ["Access:TrustedProxies"] = "*",
                ["Owner:FirstDayOfWeek"] = "Sunday",
            });
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Goals_PutThenGet_RoundTrip_AndAPutReplacesTheWholeSet()
    {
        await ReadAsync(await PutAsync(new { }), HttpStatusCode.OK);
        var empty = await Client().GetJsonAsync("/api/goals");
        var put = await ReadAsync(await PutAsync(new { weekly_coding_hours = 20.5, daily_sleep_hours = 7.5, weekly_active_days = 5 }), HttpStatusCode.OK);
        var stored = await Client().GetJsonAsync("/api/goals");
        await ReadAsync(await PutAsync(new { weekly_active_days = 3 }), HttpStatusCode.OK);
        var replaced = await Client().GetJsonAsync("/api/goals");

        Assert.Equal("""{"weekly_coding_hours":null,"daily_sleep_hours":null,"weekly_active_days":null}""", empty.ToJsonString());
        Assert.Equal("""{"weekly_coding_hours":20.5,"daily_sleep_hours":7.5,"weekly_active_days":5}""", stored.ToJsonString());
        Assert.Equal(stored.ToJsonString(), put.ToJsonString());
        Assert.Equal("""{"weekly_coding_hours":null,"daily_sleep_hours":null,"weekly_active_days":3}""", replaced.ToJsonString());
    }

    [Fact]
    public async Task Progress_LastWeeks_NewestFirstFromTheOwnersFirstDay_OnlyTheGoalsThatAreSet()
    {
        await ReadAsync(await PutAsync(new { weekly_coding_hours = 0, daily_sleep_hours = 8 }), HttpStatusCode.OK);
        // Today is Sunday 15 March (no WHOOP data, no Owner:TimeZone: UTC days): the first day of its own week.
        var sunday = new DateOnly(2026, 3, 15);

        var weeks = (await Client().GetJsonAsync("/api/goals/progress?weeks=3")).AsArray();
        var byDefault = (await Client().GetJsonAsync("/api/goals/progress")).AsArray();

        Assert.Equal(
            [sunday, sunday.AddDays(-7), sunday.AddDays(-14)],
            weeks.Select(w => DateOnly.Parse((string)w!["week_start"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(sunday.AddDays(6).ToString("yyyy-MM-dd"), (string?)weeks[0]!["week_end"]);
        Assert.Equal([true, false, false], weeks.Select(w => (bool)w!["partial"]!));
        var goals = weeks[0]!["goals"]!.AsObject();
        Assert.Equal(["weekly_coding_hours", "daily_sleep_hours"], goals.Select(g => g.Key));
        Assert.Equal("""{"target":0,"actual":0,"met":true}""", goals["weekly_coding_hours"]!.ToJsonString());
        Assert.Equal("""{"target":8,"actual":null,"met":false}""", goals["daily_sleep_hours"]!.ToJsonString());
        Assert.Equal(8, byDefault.Count);
    }

    [Theory]
    [InlineData("""{"weekly_coding_hours": -1}""", "weekly_coding_hours")]
    [InlineData("""{"weekly_coding_hours": 168.01}""", "weekly_coding_hours")]
    [InlineData("""{"weekly_coding_hours": "20"}""", "weekly_coding_hours")]
    [InlineData("""{"daily_sleep_hours": 24.5}""", "daily_sleep_hours")]
    [InlineData("""{"weekly_active_days": 8}""", "weekly_active_days")]
    [InlineData("""{"weekly_active_days": 2.5}""", "weekly_active_days")]
    [InlineData("""{"weekly_hours": 20}""", "weekly_hours")]
    [InlineData("""[20]""", "body")]
    [InlineData("""null""", "body")]
    [InlineData("""{"weekly_coding_hours": 20""", "body")]
    public async Task Put_BadBody_Is400NamingTheField_AndChangesNothing(string body, string field)
    {
        await ReadAsync(await PutAsync(new { weekly_coding_hours = 10 }), HttpStatusCode.OK);

        var problem = await (await PutAsync(new StringContent(body, Encoding.UTF8, "application/json"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(field, (string?)problem["parameter"]);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(10, (double?)(await Client().GetJsonAsync("/api/goals"))["weekly_coding_hours"]);
    }

    [Theory]
    [InlineData("weeks=0")]
    [InlineData("weeks=521")]
    [InlineData("weeks=two")]
    [InlineData("weeks=2&weeks=3")]
    public async Task Progress_BadWeeks_Is400NamingIt(string query)
    {
        var problem = await (await Client().GetAsync("/api/goals/progress?" + query)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("weeks", (string?)problem["parameter"]);
    }

    [Fact]
    public async Task Put_FromAnotherMachine_Is403_AndChangesNothing()
    {
        await ReadAsync(await PutAsync(new { weekly_coding_hours = 10 }), HttpStatusCode.OK);

        var refused = await PutAsync(new { weekly_coding_hours = 30 }, client: "203.0.113.9");

        Assert.Contains("machine the app runs on", (string?)(await refused.AssertProblemAsync(HttpStatusCode.Forbidden))["detail"]);
        Assert.Equal(10, (double?)(await Client().GetJsonAsync("/api/goals"))["weekly_coding_hours"]);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheGoalsEndpointsWithTheirSchemas()
    {
        var document = JsonNode.Parse(await Client().GetStringAsync("/openapi/v1.json"))!;
        var goals = document["paths"]!["/api/goals"]!;
        var progress = document["paths"]!["/api/goals/progress"]!["get"]!;
        var schemas = document["components"]!["schemas"]!;

        Assert.NotNull(goals["get"]);
        Assert.Equal("#/components/schemas/GoalsJson", (string?)goals["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.NotNull(goals["put"]!["responses"]!["400"]);
        Assert.NotNull(goals["put"]!["responses"]!["403"]);
        Assert.Equal(["weeks"], progress["parameters"]!.AsArray().Select(p => (string?)p!["name"]));
        Assert.Equal(["weekly_coding_hours", "daily_sleep_hours", "weekly_active_days"], schemas["GoalsJson"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["week_start", "week_end", "partial", "goals"], schemas["WeekGoalsJson"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["target", "actual", "met"], schemas["GoalProgressJson"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    private HttpClient Client() => app.Factory.CreateClient();

    private Task<HttpResponseMessage> PutAsync(object body, string client = "127.0.0.1") =>
        PutAsync(JsonContent.Create(body), client);

    private async Task<HttpResponseMessage> PutAsync(HttpContent content, string client = "127.0.0.1")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/goals") { Content = content };
        request.Headers.Add("X-Forwarded-For", client);
        return await app.Factory.CreateClient().SendAsync(request);
    }
}
