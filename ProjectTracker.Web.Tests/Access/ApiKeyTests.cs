using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Web.Access;

namespace ProjectTracker.Web.Tests.Access;

public sealed class ApiKeyApp : IAsyncLifetime
{
    public const string Key = "k3y-for-tests-0123456789abcdef";

    public AccessApp Access { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Access = await AccessApp.StartAsync(new Dictionary<string, string?> { ["Access:ApiKey"] = Key });

    public async Task DisposeAsync() => await Access.DisposeAsync();
}

/// <summary><c>Access:ApiKey</c>: refresh needs <c>X-Api-Key</c> or the owner's login; reading stays public.</summary>
public sealed class ApiKeyTests(ApiKeyApp fixture) : IClassFixture<ApiKeyApp>
{
    private AccessApp Access => fixture.Access;

    public static TheoryData<string> RefreshPaths =>
    [
        "/api/github/refresh", "/api/refresh", "/api/whoop/refresh", "/api/whoop/refresh/today",
        "/api/whoop/sync/incremental", "/api/whoop/sync/full", "/api/whoop/import",
    ];

    [Fact]
    public void RefreshPaths_CoverEveryPostUnderApiButTheWebhook()
    {
        var posts = Access.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            // Owner-only writes (own day tags) follow the owner rule instead, whatever the refresh settings.
            .Where(e => e.Metadata.GetMetadata<OwnerOnly>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(path => path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api/whoop/webhook")
            .ToHashSet();

        // A new POST that starts work must be added to AccessRequests.RefreshPaths (and to this test's list).
        Assert.NotEmpty(posts);
        Assert.Equal(posts.Order(), AccessRequests.RefreshPaths.Order());
        Assert.Equal(posts.Order(), ((IEnumerable<object[]>)RefreshPaths).Select(row => (string)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(RefreshPaths))]
    public async Task Refresh_WithoutKey_Is401NamingTheHeader(string path)
    {
        using var client = Access.CreateBrowser();

        var problem = await (await client.PostAsync(path, null)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("X-Api-Key", (string?)problem["header"]);
        Assert.Contains("X-Api-Key", (string?)problem["detail"]);
    }

    [Theory]
    [MemberData(nameof(RefreshPaths))]
    public async Task Refresh_WithWrongKey_Is401(string path)
    {
        using var client = Access.CreateBrowser();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKeyApp.Key[..^1] + "X");

        var response = await client.PostAsync(path, null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/github/refresh", HttpStatusCode.Conflict)] // reached the endpoint: no GitHub token in this app
    [InlineData("/api/refresh", HttpStatusCode.TemporaryRedirect)]
    [InlineData("/api/whoop/refresh", HttpStatusCode.Conflict)] // reached the endpoint: WHOOP not connected yet
    [InlineData("/api/whoop/refresh/today", HttpStatusCode.OK)]
    public async Task Refresh_WithKey_ReachesTheEndpoint(string path, HttpStatusCode expected)
    {
        using var client = Access.CreateBrowser();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKeyApp.Key);

        var response = await client.PostAsync(path, null);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_SignedInOwnerWithoutKey_Runs()
    {
        using var owner = await Access.SignedInBrowserAsync();

        var response = await owner.PostAsync("/api/whoop/refresh?days=2", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task RefreshToday_AsAGetWithoutKey_Is401_WithKeyRuns(string method)
    {
        // The old frontend's page-load GET starts a WHOOP sync: with a key set it is a refresh like the POSTs.
        using var anonymous = Access.CreateBrowser();
        using var keyed = Access.CreateBrowser();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", ApiKeyApp.Key);

        var refused = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/whoop/refresh/today"));
        var admitted = await keyed.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/whoop/refresh/today"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Theory]
    [InlineData("/api/github/projects")]
    [InlineData("/api/whoop/sync/status")]
    [InlineData("/github")]
    public async Task Reading_WithoutKey_StaysPublic(string path)
    {
        using var client = Access.CreateBrowser();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Key_NeverAppearsInResponsesOrLogs()
    {
        using var client = Access.CreateBrowser();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKeyApp.Key);
        var bodies = new List<string>();
        foreach (var path in new[] { "/api/github/refresh", "/api/whoop/refresh", "/api/whoop/sync/full" })
        {
            bodies.Add(await (await client.PostAsync(path, null)).Content.ReadAsStringAsync());
        }

        bodies.Add(await (await client.GetAsync("/api/whoop/status")).Content.ReadAsStringAsync());

        Assert.NotEmpty(Access.App.Logs.Lines);
        Assert.All(bodies, body => Assert.DoesNotContain(ApiKeyApp.Key, body));
        Assert.DoesNotContain(ApiKeyApp.Key, string.Join('\n', Access.App.Logs.Lines));
    }
}
