using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Octokit;
using Octokit.Internal;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// Sits under Octokit's connection: hands every answer's rate-limit headers to the <see cref="GitHubRequestGate"/>, and
/// makes the GETs that a later refresh asks again (listings, languages, statistics) conditional: the ETag of the last
/// answer goes out as <c>If-None-Match</c>, and a 304 (free under GitHub's rate limit) is handed to Octokit as the cached
/// 200. Commit pages and comparisons are asked once per change and never again, so they are not kept.
/// </summary>
public sealed partial class ConditionalHttpClient(IHttpClient inner, IGitHubHttpCache cache, TimeProvider time, GitHubRequestGate gate) : IHttpClient
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
    private int _answered;
    private int _notModified;

    /// <summary>Answers GitHub sent this client, and how many of them were 304 (free of the rate limit), for the job's log line.</summary>
    public (int Answered, int NotModified) Counts => (Volatile.Read(ref _answered), Volatile.Read(ref _notModified));

    /// <summary>The cache keys this client asked for: what a completed refresh still needs (the rest may be pruned).</summary>
    public IReadOnlyCollection<string> UsedKeys => (IReadOnlyCollection<string>)_used.Keys;

    private const string BinaryPrefix = "base64:";
    private const string JsonContentType = "application/json"; // the media type alone, as Octokit compares it

    public async Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
    {
        if (request.Method != HttpMethod.Get || !IsRevalidated(request))
        {
            return Observed(await inner.Send(request, cancellationToken, preprocessResponseBody));
        }

        var url = CacheKey(request);
        _used.TryAdd(url, 0);
        var cached = await cache.FindAsync(url, cancellationToken);
        if (cached is not null)
        {
            request.Headers["If-None-Match"] = cached.ETag;
        }

        var response = Observed(await inner.Send(request, cancellationToken, preprocessResponseBody));
        if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
        {
            return Replay(cached, response);
        }

        // Only an answer that can be read is kept: a broken one with GitHub's ETag would be replayed for every 304 after it.
        if (response.StatusCode == HttpStatusCode.OK && response.ApiInfo?.Etag is { Length: > 0 } etag && Encode(response.Body) is { } body
            && (response.Body is not string json || IsJson(json)))
        {
            await cache.StoreAsync(
                new GitHubHttpCacheEntry
                {
                    Url = url, ETag = etag, Body = body, Links = Header(response, "Link"), StoredAt = time.GetUtcNow().UtcDateTime,
                },
                cancellationToken);
        }

        return response;
    }

    public void SetRequestTimeout(TimeSpan timeout) => inner.SetRequestTimeout(timeout);

    public void Dispose() => inner.Dispose();

    /// <summary>Resources asked again on every refresh; a commit page or a comparison is not (the next one has other bases).</summary>
    private static bool IsRevalidated(IRequest request)
    {
        var absolute = new Uri(request.BaseAddress, request.Endpoint);
        var path = Uri.UnescapeDataString(request.BaseAddress.MakeRelativeUri(absolute).OriginalString).Split('?')[0].Trim('/');
        return path is "user" or "user/repos" or "user/emails"
            || path.EndsWith("/languages", StringComparison.Ordinal)
            || path.Contains("/stats/", StringComparison.Ordinal);
    }

    private IResponse Observed(IResponse response)
    {
        var remaining = int.TryParse(Header(response, "X-RateLimit-Remaining"), out var left) ? left : (int?)null;
        var reset = long.TryParse(Header(response, "X-RateLimit-Reset"), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        gate.Observe(remaining, reset);
        Interlocked.Increment(ref _answered);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            Interlocked.Increment(ref _notModified);
        }

        return response;
    }

    private static string CacheKey(IRequest request)
    {
        var url = new Uri(request.BaseAddress, request.Endpoint).AbsoluteUri;
        if (request.Parameters is not { Count: > 0 } parameters)
        {
            return url;
        }

        var query = string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return url + (url.Contains('?') ? "&" : "?") + query;
    }

    /// <summary>The stored answer, with the 304's current rate-limit figures and the stored pagination links.</summary>
    private static CachedResponse Replay(GitHubHttpCacheEntry cached, IResponse notModified)
    {
        var headers = notModified.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var links = new Dictionary<string, Uri>();
        if (cached.Links is { } link)
        {
            headers["Link"] = link;
            foreach (Match match in LinkPattern().Matches(link))
            {
                links[match.Groups["rel"].Value] = new Uri(match.Groups["url"].Value);
            }
        }

        var info = notModified.ApiInfo;
        var apiInfo = new ApiInfo(links, [.. info?.OauthScopes ?? []], [.. info?.AcceptedOauthScopes ?? []], cached.ETag,
            info?.RateLimit ?? new RateLimit(), info?.ServerTimeDifference ?? TimeSpan.Zero);
        return new CachedResponse(Decode(cached.Body), headers, apiInfo, JsonContentType);
    }

    private static string? Header(IResponse response, string name) =>
        response.Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    [GeneratedRegex("<(?<url>[^>]+)>;\\s*rel=\"(?<rel>[^\"]+)\"")]
    private static partial Regex LinkPattern();

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Encode(object? body) => body switch
    {
        string text => text,
        byte[] bytes => BinaryPrefix + Convert.ToBase64String(bytes),
        _ => null,
    };

    private static object Decode(string body) =>
        body.StartsWith(BinaryPrefix, StringComparison.Ordinal) ? Convert.FromBase64String(body[BinaryPrefix.Length..]) : body;

    /// <summary>The stored body with the 304's headers, whose rate-limit figures are the current ones.</summary>
    private sealed record CachedResponse(object Body, IReadOnlyDictionary<string, string> Headers, ApiInfo ApiInfo, string ContentType)
        : IResponse
    {
        public HttpStatusCode StatusCode => HttpStatusCode.OK;
    }
}
