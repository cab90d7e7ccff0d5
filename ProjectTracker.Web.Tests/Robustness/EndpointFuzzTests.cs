using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Web.Tests.Integration;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Robustness;

/// <summary>
/// Every mapped route, read from the app's own endpoint table, called with generated path and query values (wrong types,
/// huge numbers, unicode, empty, repeated keys, odd query names, raw path traversal and encodings): never a 5xx, and every
/// refusal under <c>/api</c> is problem+json. Deterministic (the generator is seeded) and bounded by
/// <see cref="InputsVariable"/>: a seeded sample of that many of the about 32,000 inputs, spread over the routes so that
/// each route gets every kind of input (each path parameter, each query name, odd names, raw queries and paths).
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

    /// <summary>How many generated requests a run sends; 4,000 unless set (about 12 s here; 50000 sends every input).</summary>
    public const string InputsVariable = "FUZZ_INPUTS";

    public static int Inputs =>
        int.TryParse(Environment.GetEnvironmentVariable(InputsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var inputs) && inputs > 0
            ? inputs
            : 4_000;

    [Fact]
    public async Task EveryRoute_GeneratedInputs_NeverAServerErrorAndRefusalsAreProblems()
    {
        var routes = Routes();
        var random = new Random(20261125);
        var generated = routes.Select(route => Urls(route.Pattern, random).ToList()).ToList();
        var chosen = Sample(generated, Inputs, random);
        var failures = new List<string>();
        var requests = 0;
        var elapsed = Stopwatch.StartNew();

        foreach (var ((method, _), urls) in routes.Zip(chosen))
        {
            foreach (var (_, url) in urls)
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

        var unreached = routes.Zip(generated, chosen)
            .SelectMany(r => r.Second.Select(u => u.Reaches).Distinct().Except(r.Third.Select(u => u.Reaches))
                .Select(reaches => $"{r.First.Method} {r.First.Pattern.RawText}: {reaches}"))
            .ToList();
        output.WriteLine($"{requests} of {generated.Sum(urls => urls.Count)} generated requests over {routes.Count} routes in {elapsed.Elapsed.TotalSeconds:0.0} s");
        Assert.True(routes.Count >= 20, $"Only {routes.Count} routes found: the endpoint table was not read.");
        Assert.True(requests >= Math.Min(Inputs, generated.Sum(urls => urls.Count)), $"Only {requests} requests were generated.");
        Assert.True(unreached.Count == 0,
            $"{InputsVariable}={Inputs} leaves {unreached.Count} kinds of input unsent, e.g. {string.Join("; ", unreached.Take(10))}.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:\n{string.Join("\n", failures.Take(30))}");
    }

    /// <summary>
    /// <paramref name="inputs"/> of the generated requests, dealt to the routes in turn (a route with fewer gets all of its
    /// own); each route's share takes every kind of input in turn, each kind in a seeded order.
    /// </summary>
    private static List<List<(string Reaches, string Url)>> Sample(List<List<(string Reaches, string Url)>> generated, int inputs, Random random)
    {
        var queues = generated.Select(urls => new Queue<(string, string)>(urls
            .GroupBy(u => u.Reaches)
            .Select(kind => kind.OrderBy(_ => random.Next()).Select((u, i) => (Turn: i, Url: u)))
            .SelectMany(kind => kind)
            .OrderBy(u => u.Turn)
            .Select(u => u.Url))).ToList();
        var chosen = generated.Select(_ => new List<(string Reaches, string Url)>()).ToList();
        while (inputs > 0 && queues.Any(queue => queue.Count > 0))
        {
            foreach (var (queue, route) in queues.Zip(chosen).Where(r => r.First.Count > 0).Take(inputs))
            {
                route.Add(queue.Dequeue());
                inputs--;
            }
        }

        return chosen;
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

    /// <summary>
    /// Each hostile value in each path parameter and query name, then random mixes with repeated keys; each with the kind of
    /// input it is (what it reaches), which the sample must cover.
    /// </summary>
    private static IEnumerable<(string Reaches, string Url)> Urls(RoutePattern pattern, Random random)
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
                yield return ("path parameters", Path(_ => value));
            }
        }

        if (parameters.Count > 0)
        {
            foreach (var value in RawPathValues)
            {
                yield return ("raw path parameters", Path(_ => value, escape: false));
            }
        }

        var plain = Path(_ => "alpha");
        foreach (var suffix in RawPathValues.Select(v => "/" + v).Append("/").Append("//").Append("/.."))
        {
            // After the root route "/" a suffix can start with "//": a network-path reference (another host), not a path.
            var url = plain.TrimEnd('/') + suffix;
            if (!url.StartsWith("//", StringComparison.Ordinal))
            {
                yield return ("path suffix", url);
            }
        }

        foreach (var name in QueryNames)
        {
            foreach (var value in HostileValues)
            {
                yield return ($"query {name}", $"{plain}?{name}={Uri.EscapeDataString(value)}");
            }
        }

        foreach (var name in HostileNames)
        {
            yield return ("odd query names", $"{plain}?{Uri.EscapeDataString(name)}=7");
            yield return ("odd query names", $"{plain}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(HostileValues[random.Next(HostileValues.Length)])}");
        }

        foreach (var query in RawQueries)
        {
            yield return ("raw query", plain + query);
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

            yield return ("mixed query", Path(_ => pathValues[random.Next(pathValues.Length)]) + query);
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
