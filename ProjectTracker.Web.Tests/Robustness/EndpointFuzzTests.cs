using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Web.Tests.Integration;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Robustness;

/// <summary>
/// Every mapped route, read from the app's own endpoint table, called with about 16,000 generated path and query values
/// (wrong types, huge numbers, unicode, empty, repeated keys, odd query names, raw path traversal and encodings): never
/// a 5xx, and every refusal under <c>/api</c> is problem+json. Deterministic (the generator is seeded) and bounded: about
/// 35 s here, pages only sampled since each renders a whole dashboard.
/// </summary>
public sealed class EndpointFuzzTests(SqliteFilledApp fixture, ITestOutputHelper output) : IClassFixture<SqliteFilledApp>
{
    private static readonly string[] QueryNames =
        ["days", "start_date", "end_date", "sort", "order", "limit", "page", "per_page", "returnUrl", "id", "type", "x"];

    // Values that broke parsers somewhere once: every one is sent for every query name and path parameter.
    private static readonly string[] HostileValues =
    [
        "", " ", "0", "-1", "1.5", "1e309", "NaN", "Infinity", "2147483648", "-2147483649", "99999999999999999999999",
        "true", "null", "undefined", "[]", "{}", "'", "\"", "\\", "%", "%00", "%ZZ", "\u0000", "\u202e", "😀", "日本語",
        "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "/", "//evil.example", "https://evil.example", "javascript:alert(1)",
        "<script>alert(1)</script>", "' OR 1=1 --", "2024-13-40", "2024-02-30", "0000-01-01", "9999-12-31", "2024-1-1",
        "1970-01-01T00:00:00Z", new string('9', 5000), new string('a', 20000),
    ];

    // Query names no endpoint expects, or expected names spelled oddly: binding must ignore or refuse them, never crash.
    private static readonly string[] HostileNames =
        ["", "DAYS", "Days", "days[]", "days[0]", "days.value", "__proto__", "😀", "日本語", "%00", new string('k', 2000)];

    // Whole query strings, sent as they are (not escaped again): bare keys, empty keys, three repeats, odd separators.
    private static readonly string[] RawQueries =
    [
        "?days", "?days=", "?=7", "?&&&", "?days=1;days=2", "?days=1&days=2&days=3", "?days=%", "?%%%", "?days=+7", "?days=0x10",
        "?days=1e3", "?days=7%20", "?days=%E6%97%A5", "?days=%C0%AE", "?start_date=2024-01-01&start_date=2024-02-01&end_date=2024-01-15",
        "?limit=100&limit=-1", "?page=0&per_page=0", "?" + new string('&', 500),
    ];

    // Path traversal and encoding tricks, raw, after a route or in its parameters (no %00: the server refuses a NUL in a path).
    private static readonly string[] RawPathValues =
    [
        "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%252e%252e%252f", "....%2F%2F....%2F%2Fetc", "%c0%ae%c0%ae%c0%af",
        "..%5C..%5Cwindows%5Cwin.ini", "%2F%2Fevil.example", "%", "a%2Fb", "..;", "%E2%80%AE",
    ];

    private const int PageSample = 60;

    [Fact]
    public async Task EveryRoute_GeneratedInputs_NeverAServerErrorAndRefusalsAreProblems()
    {
        var routes = Routes();
        var random = new Random(20261125);
        var failures = new List<string>();
        var requests = 0;
        var elapsed = Stopwatch.StartNew();

        foreach (var (method, pattern) in routes)
        {
            // A page renders the whole dashboard per request: a seeded sample of its inputs keeps the run short.
            var urls = Urls(pattern, random).ToList();
            if (!pattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            {
                urls = urls.OrderBy(_ => random.Next()).Take(PageSample).ToList();
            }

            foreach (var url in urls)
            {
                requests++;
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                using var response = await fixture.Client.SendAsync(request);
                var problem = await CheckAsync(response, url);
                if (problem is not null)
                {
                    failures.Add($"{method} {url} → {problem}");
                }
            }
        }

        output.WriteLine($"{requests} requests over {routes.Count} routes in {elapsed.Elapsed.TotalSeconds:0.0} s");
        Assert.True(routes.Count >= 20, $"Only {routes.Count} routes found: the endpoint table was not read.");
        Assert.True(requests >= 10_000, $"Only {requests} requests were generated.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:\n{string.Join("\n", failures.Take(30))}");
    }

    /// <summary>GET and POST routes of the app, minus the framework's own (Blazor's hub, static files, Hangfire).</summary>
    private List<(string Method, RoutePattern Pattern)> Routes()
    {
        var sources = fixture.App.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw
                        && !raw.StartsWith("/_", StringComparison.Ordinal) && !raw.StartsWith("_", StringComparison.Ordinal)
                        && !raw.Contains("hangfire", StringComparison.OrdinalIgnoreCase)
                        && !raw.Contains('.', StringComparison.Ordinal)) // static files: the "{**path:file}" patterns
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m is "GET" or "POST")
                .Select(m => (m, e.RoutePattern)))
            .DistinctBy(r => (r.m, r.RoutePattern.RawText))
            .ToList();
    }

    /// <summary>Each hostile value in each path parameter and query name, then random mixes with repeated keys.</summary>
    private static IEnumerable<string> Urls(RoutePattern pattern, Random random)
    {
        var parameters = pattern.Parameters.Select(p => p.Name).ToList();
        string Path(Func<string, string> valueFor, bool escape = true) => "/" + string.Join("/", pattern.PathSegments.Select(segment =>
            string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => escape ? Uri.EscapeDataString(valueFor(parameter.Name)) : valueFor(parameter.Name),
                RoutePatternSeparatorPart separator => separator.Content,
                _ => "",
            }))));

        // A NUL in the path never reaches the app: the server refuses the request line (and the test server throws).
        var pathValues = HostileValues.Where(v => v.Length > 0 && !v.Contains('\0', StringComparison.Ordinal)).ToArray();
        if (parameters.Count > 0)
        {
            foreach (var value in pathValues)
            {
                yield return Path(_ => value);
            }
        }

        if (parameters.Count > 0)
        {
            foreach (var value in RawPathValues)
            {
                yield return Path(_ => value, escape: false);
            }
        }

        var plain = Path(_ => "alpha");
        foreach (var suffix in RawPathValues.Select(v => "/" + v).Append("/").Append("//").Append("/.."))
        {
            // After the root route "/" a suffix can start with "//": a network-path reference (another host), not a path.
            var url = plain.TrimEnd('/') + suffix;
            if (!url.StartsWith("//", StringComparison.Ordinal))
            {
                yield return url;
            }
        }

        foreach (var name in QueryNames)
        {
            foreach (var value in HostileValues)
            {
                yield return $"{plain}?{name}={Uri.EscapeDataString(value)}";
            }
        }

        foreach (var name in HostileNames)
        {
            yield return $"{plain}?{Uri.EscapeDataString(name)}=7";
            yield return $"{plain}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(HostileValues[random.Next(HostileValues.Length)])}";
        }

        foreach (var query in RawQueries)
        {
            yield return plain + query;
        }

        for (var i = 0; i < 12; i++)
        {
            var query = new StringBuilder();
            for (var j = random.Next(1, 5); j > 0; j--)
            {
                var name = QueryNames[random.Next(QueryNames.Length)];
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=')
                    .Append(Uri.EscapeDataString(HostileValues[random.Next(HostileValues.Length)]))
                    .Append('&').Append(name).Append("=7"); // the same key twice
            }

            yield return Path(_ => pathValues[random.Next(pathValues.Length)]) + query;
        }
    }

    private static async Task<string?> CheckAsync(HttpResponseMessage response, string url)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status}: {Shorten(await response.Content.ReadAsStringAsync())}";
        }

        if (url.StartsWith("/api/", StringComparison.Ordinal) && status >= 400)
        {
            var type = response.Content.Headers.ContentType?.MediaType;
            if (type != "application/problem+json")
            {
                return $"{status} as {type ?? "no content type"}: {Shorten(await response.Content.ReadAsStringAsync())}";
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
