using System.Text.RegularExpressions;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>Security headers on pages, API answers and errors; the third-party pages' policies; HSTS over https only.</summary>
public sealed partial class SecurityHeadersTests(SqliteEmptyApp fixture) : IClassFixture<SqliteEmptyApp>
{
    private HttpClient Client => fixture.Client;

    private static string Policy(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();

    private static string Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));

    [Theory]
    [InlineData("/")]
    [InlineData("/api/github/projects")]
    [InlineData("/api/github/project/nope")] // a problem answer
    [InlineData("/no-such-page")]
    public async Task Response_Any_CarriesTheHeaders(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("frame-ancestors 'none'", Directive(Policy(response), "frame-ancestors"));
    }

    [Fact]
    public async Task Dashboard_Policy_AllowsOwnScriptsAndTheNoncedImportMapOnly()
    {
        var response = await Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var policy = Policy(response);

        var nonce = Regex.Match(Directive(policy, "script-src"), "'nonce-([0-9A-F]+)'").Groups[1].Value;
        Assert.Equal($"script-src 'self' 'nonce-{nonce}'", Directive(policy, "script-src"));
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("connect-src 'self'", Directive(policy, "connect-src"));
        Assert.Contains("'unsafe-inline'", Directive(policy, "style-src"));
        Assert.Equal("object-src 'none'", Directive(policy, "object-src"));
    }

    [Fact]
    public async Task Dashboard_Nonce_IsNewForEveryRequest()
    {
        var first = Directive(Policy(await Client.GetAsync("/")), "script-src");
        var second = Directive(Policy(await Client.GetAsync("/")), "script-src");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task ReferencePage_Policy_AllowsItsInlineStartScriptOnlyThere()
    {
        var scalar = await Client.GetAsync("/scalar/v1");
        var html = await scalar.Content.ReadAsStringAsync();

        Assert.Contains("<script type=\"module\">", html); // why it needs 'unsafe-inline'
        Assert.Equal("script-src 'self' 'unsafe-inline'", Directive(Policy(scalar), "script-src"));
        Assert.Equal("frame-ancestors 'none'", Directive(Policy(scalar), "frame-ancestors"));
        Assert.DoesNotContain("https:", Policy(scalar)); // nothing from another host: no web fonts, no remote images
    }

    [Fact]
    public async Task Hsts_OverHttpsOutsideDevelopment_IsSent()
    {
        using var https = fixture.App.CreateClient(new() { BaseAddress = new Uri("https://tracker.example") });
        using var http = fixture.App.CreateClient(new() { BaseAddress = new Uri("http://tracker.example") });

        var secure = await https.GetAsync("/healthz");
        var plain = await http.GetAsync("/healthz");

        Assert.StartsWith("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }
}
