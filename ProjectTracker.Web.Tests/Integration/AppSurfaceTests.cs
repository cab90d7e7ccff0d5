using System.Net;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using static ProjectTracker.Web.Tests.Integration.JsonAssertions;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>The parts around the API: the OpenAPI document, its reference page, the dashboard shell.</summary>
public sealed class AppSurfaceTests(SqliteFilledApp fixture) : IClassFixture<SqliteFilledApp>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task OpenApiDocument_DescribesEveryEndpoint()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();

        string[] expected =
        [
            "/api/github/projects", "/api/github/project/{name}", "/api/github/metrics", "/api/github/refresh/status/{job_id}",
            "/api/github/refresh/jobs", "/api/whoop/recovery", "/api/whoop/recovery/latest", "/api/whoop/sleep",
            "/api/whoop/sleep/latest", "/api/whoop/workouts", "/api/whoop/cycles", "/api/whoop/metrics", "/api/whoop/refresh",
            "/api/whoop/status", "/api/projects", "/api/metrics", "/api/refresh",
            "/api/github/timesheet", "/api/github/activity", "/api/insights", "/api/export/projects.csv", "/api/export/commits.csv",
            "/api/export/timesheet.csv", "/api/export/recovery.csv", "/api/export/sleep.csv", "/api/export/workouts.csv",
            "/api/export/cycles.csv", "/api/insights/load", "/api/insights/late-nights", "/api/export/load.csv",
            "/api/github/punchcard", "/api/export/punchcard.csv",
        ];
        Assert.Empty(expected.Except(paths.Select(p => p.Key)));
    }

    [Fact]
    public async Task OpenApiDocument_ReadBack_IsValid()
    {
        var read = OpenApiDocument.Parse(await Client.GetStringAsync("/openapi/v1.json"), "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.Empty(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
    }

    [Fact]
    public async Task OpenApiDocument_EveryOperation_IsNamedShortlyAndDescribedInFull()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => o.Value?["responses"] is not null).Select(o => (Name: $"{o.Key} {path.Key}", Operation: o.Value!)))
            .ToList();

        // The reference's sidebar lists the summaries: a name, not a sentence; the sentence is the description.
        Assert.NotEmpty(operations);
        foreach (var (name, operation) in operations)
        {
            var summary = (string?)operation["summary"] ?? "";
            Assert.True(summary.Length is > 0 and <= 32 && summary.IndexOfAny([';', ':', ',', '(']) < 0, $"{name}: summary '{summary}'");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["description"]), $"{name} has no description");
        }
    }

    [Theory]
    [InlineData("/api/whoop/recovery", "get")]
    [InlineData("/api/whoop/metrics", "get")]
    [InlineData("/api/whoop/refresh", "post")]
    [InlineData("/api/github/activity", "get")]
    [InlineData("/api/github/punchcard", "get")]
    [InlineData("/api/insights", "get")]
    [InlineData("/api/export/recovery.csv", "get")]
    public async Task OpenApiDocument_RangeEndpoints_ListTheRangeParameters(string path, string method)
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;

        var names = document["paths"]![path]![method]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]);

        Assert.Equal(["days", "start_date", "end_date"], names);
    }

    [Fact]
    public async Task OpenApiDocument_UsesTheOldSnakeCaseFieldNames()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;

        var project = document["components"]!["schemas"]!["ProjectJson"]!["properties"]!.AsObject();

        Assert.Contains("repository_size_kb", project.Select(p => p.Key));
        Assert.Contains("last_finished", project.Select(p => p.Key));
    }

    [Fact]
    public async Task OpenApiDocument_HasARealTitleAndDescription()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;

        Assert.Equal("Project Tracker API", (string?)document["info"]!["title"]);
        Assert.Contains("problem+json", (string?)document["info"]!["description"]);
    }

    [Fact]
    public async Task OpenApiDocument_OldRoutes_Are307UnderTheirOwnTagAtTheEnd()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        string[] legacy = ["/api/projects", "/api/metrics", "/api/refresh"];

        Assert.Equal(legacy.Order(), paths.TakeLast(legacy.Length).Order());
        var responses = document["paths"]!["/api/projects"]!["get"]!["responses"]!.AsObject();
        Assert.Equal(["307"], responses.Select(r => r.Key));
        Assert.Equal("Legacy", (string?)document["tags"]!.AsArray()[^1]!["name"]);
        Assert.Null(document["paths"]!["/api/github/projects"]!["head"]); // HEAD mirrors GET: not listed twice
    }

    [Theory]
    [InlineData("/api/whoop/recovery", "get", new[] { "200", "400" })]
    [InlineData("/api/github/project/{name}", "get", new[] { "200", "400", "404" })]
    [InlineData("/api/github/refresh", "post", new[] { "202", "401", "403", "409", "429" })]
    [InlineData("/api/whoop/refresh", "post", new[] { "200", "400", "401", "403", "409", "429" })]
    public async Task OpenApiDocument_ListsTheProblemAnswers(string path, string method, string[] statuses)
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;

        var responses = document["paths"]![path]![method]!["responses"]!.AsObject();

        Assert.Empty(statuses.Except(responses.Select(r => r.Key)));
        foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4')))
        {
            Assert.True(response!["content"]?["application/problem+json"]?["schema"]?["properties"]?["detail"] is not null,
                $"{method} {path} {status} has no problem+json schema: {response.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("/api/github/projects")]
    [InlineData("/api/github/metrics")]
    [InlineData("/api/whoop/recovery?days=7")]
    [InlineData("/api/insights")]
    [InlineData("/api/export/projects.csv")]
    public async Task Head_OnAGetRoute_AnswersLikeGetWithoutABody(string path)
    {
        using var get = await Client.GetAsync(path);
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("GET", "/api/nope")]
    [InlineData("POST", "/api/github/nothing-here")]
    [InlineData("GET", "/api/github/project/alpha/extra")]
    [InlineData("GET", "/api")]
    public async Task UnknownApiRoute_Is404ProblemPointingToTheReference(string method, string path)
    {
        var problem = await ReadAsync(await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), HttpStatusCode.NotFound);

        AssertProblem(problem, 404, "Unknown API route");
        Assert.Contains(path, (string?)problem["detail"]);
        Assert.Contains("/scalar", (string?)problem["detail"]);
        Assert.Contains("/openapi/v1.json", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("GET", "/api/github/refresh", "POST")]
    [InlineData("PUT", "/api/github/refresh", "POST")]
    [InlineData("GET", "/api/whoop/refresh", "POST")]
    [InlineData("GET", "/api/whoop/webhook", "POST")]
    [InlineData("GET", "/api/refresh", "POST")]
    [InlineData("DELETE", "/api/github/projects", "GET, HEAD")]
    [InlineData("POST", "/api/github/project/alpha", "GET, HEAD")]
    [InlineData("POST", "/api/export/projects.csv", "GET, HEAD")]
    public async Task KnownApiRoute_OtherMethod_Is405ProblemWithAllow(string method, string path, string allow)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await ReadAsync(response, HttpStatusCode.MethodNotAllowed);
        AssertProblem(problem, 405, "Method not allowed");
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Contains($"{path} does not answer {method}; it answers {allow}.", (string?)problem["detail"]);
    }

    [Fact]
    public async Task KnownApiRoute_Head_WhereOnlyPostIs405WithAllowAndNoBody()
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/github/refresh"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ReferencePage_IsServed()
    {
        var response = await Client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/", "Overview")]
    [InlineData("/github", "GitHub")]
    [InlineData("/whoop", "WHOOP")]
    public async Task Dashboard_Page_RendersWithNavigation(string path, string heading)
    {
        var html = await Client.GetStringAsync(path);

        Assert.Contains($">{heading}</h1>", html);
        Assert.Contains("href=\"/github\"", html);
        Assert.Contains("href=\"/whoop\"", html);
    }

    [Theory]
    [InlineData("/api/github/projects", "ProjectJson")]
    [InlineData("/api/whoop/recovery", "RecoveryJson")]
    [InlineData("/api/whoop/sleep", "SleepJson")]
    [InlineData("/api/whoop/workouts", "WorkoutJson")]
    [InlineData("/api/whoop/cycles", "CycleJson")]
    public async Task OpenApiDocument_ListsWrittenFromSharedJson_StillDescribeAnArrayOfTheirItems(string path, string item)
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var schema = document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;

        Assert.Equal("array", (string?)schema["type"]);
        Assert.Equal($"#/components/schemas/{item}", (string?)schema["items"]!["$ref"]);
    }

    [Theory]
    [InlineData("/whoop?days=30", "chart-recovery")]
    [InlineData("/github", "chart-languages")]
    public async Task Dashboard_Prerendered_SendsEachChartsNumbersButNotItsDrawing(string path, string chart)
    {
        var html = await Client.GetStringAsync(path);
        var figure = html[html.IndexOf($"data-testid=\"{chart}\"", StringComparison.Ordinal)..];
        figure = figure[..figure.IndexOf("</figure>", StringComparison.Ordinal)];

        // The drawing comes with the circuit (the browser tests see it); the first answer keeps its place and its numbers.
        Assert.Contains("data-testid=\"chart-pending\"", figure);
        Assert.DoesNotContain("<svg", figure);
        Assert.Matches("<(ul|table)>", figure);
    }

    [Fact]
    public async Task GitHubDashboard_Filled_ListsStoredProjects()
    {
        var html = await Client.GetStringAsync("/github");

        Assert.Contains("Beta-Tool", html);
        Assert.Contains("alpha", html);
    }

    [Fact]
    public async Task ProjectPage_UnknownName_Is404WithTheNotFoundPage()
    {
        var response = await Client.GetAsync("/github/no-such-project");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html);
        Assert.Contains("href=\"/github\"", html);
    }

    [Fact]
    public async Task ProjectPage_StoredName_Is200()
    {
        var response = await Client.GetAsync("/github/alpha");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(">alpha</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPage_ShowsNotFoundPageWith404()
    {
        var response = await Client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HangfireDashboard_SignInNotConfigured_ExplainsWhyAndWhatToSet()
    {
        var response = await Client.GetAsync("/hangfire");
        var page = await response.Content.ReadAsStringAsync();

        // For the owner only (Access/), who signs in with WHOOP; without WHOOP's app nobody can, so say so instead of
        // sending the browser to a sign-in that ends in "sign-in did not complete".
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("WHOOP sign-in is not configured", page);
        Assert.Contains("WHOOP_CLIENT_ID", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.GetAsync("/hangfire/jobs/enqueued")).StatusCode);
    }
}
