using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>
/// The WHOOP v2 REST calls, over <see cref="HttpClient"/>: every page of a collection (<c>nextToken</c>, 25 a page, the same
/// <c>start</c>/<c>end</c> on each), the app-wide <see cref="WhoopRateLimiter"/>, back-off on 429, and up to
/// <see cref="FailureAttempts"/> tries with doubling back-off (<c>Whoop:RetryBackOff</c>) when WHOOP fails transiently.
/// </summary>
public sealed class WhoopApiClient(HttpClient http, WhoopOptions options, WhoopRateLimiter limiter)
{
    public const int PageSize = 25;

    private long _requestsSent;

    /// <summary>Requests sent to WHOOP by this process (retries included), for the sync's log line.</summary>
    public long RequestsSent => Interlocked.Read(ref _requestsSent);
    private const int Attempts = 5;

    /// <summary>Tries of one request that WHOOP failed (5xx), did not finish (timeout, broken connection) or garbled.</summary>
    public const int FailureAttempts = 3;
    private static readonly TimeSpan DefaultBackOff = TimeSpan.FromSeconds(60);

    /// <summary>The four collections' paths, for <see cref="GetPageAsync{T}"/>.</summary>
    public const string Cycles = "cycle", Sleeps = "activity/sleep", Recoveries = "recovery", Workouts = "activity/workout";

    public Task<WhoopSleepRecord> GetSleepAsync(string id, string token, CancellationToken ct) =>
        GetAsync<WhoopSleepRecord>($"activity/sleep/{Uri.EscapeDataString(id)}", token, ct);

    public Task<WhoopWorkoutRecord> GetWorkoutAsync(string id, string token, CancellationToken ct) =>
        GetAsync<WhoopWorkoutRecord>($"activity/workout/{Uri.EscapeDataString(id)}", token, ct);

    public Task<WhoopRecoveryRecord> GetCycleRecoveryAsync(long cycleId, string token, CancellationToken ct) =>
        GetAsync<WhoopRecoveryRecord>($"cycle/{cycleId}/recovery", token, ct);

    public Task<WhoopUserProfile> GetProfileAsync(string token, CancellationToken ct) =>
        GetAsync<WhoopUserProfile>("user/profile/basic", token, ct);

    public Task<WhoopBodyMeasurement> GetBodyMeasurementAsync(string token, CancellationToken ct) =>
        GetAsync<WhoopBodyMeasurement>("user/measurement/body", token, ct);

    /// <summary>
    /// One page of a collection's records whose own window overlaps [start, end), newest first; <paramref name="nextToken"/>
    /// is the previous page's (null for the first). WHOOP wants the same start and end on every page.
    /// </summary>
    public async Task<WhoopPage<T>> GetPageAsync<T>(
        string collection, DateTimeOffset start, DateTimeOffset end, string? nextToken, string token, CancellationToken ct)
    {
        var query = $"limit={PageSize}&start={Stamp(start)}&end={Stamp(end)}"
                    + (nextToken is null ? "" : $"&nextToken={Uri.EscapeDataString(nextToken)}");
        var page = await GetAsync<WhoopPage<T>>($"{collection}?{query}", token, ct);
        return page.Records is null ? throw new WhoopApiException($"WHOOP answered {collection} without records.") : page;
    }

    private async Task<T> GetAsync<T>(string pathAndQuery, string token, CancellationToken ct)
    {
        var what = pathAndQuery.Split('?')[0];
        var failures = 0;
        for (var attempt = 1; ; attempt++)
        {
            await limiter.WaitAsync(ct);
            using var request = NewRequest(HttpMethod.Get, pathAndQuery, token);
            HttpResponseMessage sent;
            try
            {
                sent = await SendAsync(request, what, ct);
            }
            catch (WhoopApiException) when (++failures < FailureAttempts)
            {
                BackOff(failures);
                continue;
            }

            using var response = sent;
            limiter.Observe(Header(response, "X-RateLimit-Remaining"), Seconds(Header(response, "X-RateLimit-Reset")));
            if (BackedOffToRetry(response, attempt, ref failures))
            {
                continue;
            }

            ThrowIfRefused(response, what);
            try
            {
                return await ReadBodyAsync<T>(response, what, ct);
            }
            catch (JsonException) when (++failures < FailureAttempts)
            {
                BackOff(failures);
            }
            catch (JsonException e)
            {
                throw new WhoopApiException($"WHOOP answered {what} with malformed JSON.", e);
            }
        }
    }

    /// <summary>
    /// Whether the request is worth sending again, the wait for it already set: WHOOP failed (5xx) with tries left, or
    /// its rate limit answered (429) with attempts left. A 5xx counts as a failure either way.
    /// </summary>
    private bool BackedOffToRetry(HttpResponseMessage response, int attempt, ref int failures)
    {
        if ((int)response.StatusCode >= 500 && ++failures < FailureAttempts)
        {
            BackOff(failures);
            return true;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < Attempts)
        {
            limiter.BlockFor(Seconds(RetryAfter(response)) ?? Seconds(Header(response, "X-RateLimit-Reset")) ?? DefaultBackOff);
            return true;
        }

        return false;
    }

    /// <summary>Throws for an answer that is not a success: a refused token, a rate limit that never let up, any other status.</summary>
    private static void ThrowIfRefused(HttpResponseMessage response, string what)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new WhoopUnauthorizedException("WHOOP refused the access token (401).");
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new WhoopApiException($"WHOOP kept answering 429 Too Many Requests (its rate limit) for {what}, {Attempts} times; wait a minute and try again.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new WhoopApiException($"WHOOP answered {(int)response.StatusCode} {response.StatusCode} for {what}.");
        }
    }

    // A body that is not JSON throws JsonException, which the caller retries as a transient failure.
    private static async Task<T> ReadBodyAsync<T>(HttpResponseMessage response, string what, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        return await JsonSerializer.DeserializeAsync<T>(body, WhoopJson.Options, ct)
               ?? throw new WhoopApiException($"WHOOP answered {what} with an empty body.");
    }

    // Through the shared limiter, so the wait is on the app's clock and no other request slips in meanwhile.
    private void BackOff(int failures) => limiter.BlockFor(options.RetryBackOff * Math.Pow(2, failures - 1));

    /// <summary>
    /// Revokes the member's grant (<c>DELETE /v2/user/access</c>; WHOOP also stops their webhooks). A token WHOOP no
    /// longer accepts (401) has nothing left to revoke.
    /// </summary>
    public async Task RevokeAccessAsync(string token, CancellationToken ct)
    {
        const string what = "user/access";
        await limiter.WaitAsync(ct);
        using var request = NewRequest(HttpMethod.Delete, what, token);
        using var response = await SendAsync(request, what, ct);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Unauthorized)
        {
            throw new WhoopApiException($"WHOOP answered {(int)response.StatusCode} {response.StatusCode} for {what}.");
        }
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string pathAndQuery, string token)
    {
        var request = new HttpRequestMessage(method, new Uri($"{options.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/v2/{pathAndQuery}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.UserAgent.ParseAdd("ProjectTracker/1.0");
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken ct)
    {
        Interlocked.Increment(ref _requestsSent);
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (Exception e) when (WhoopTransport.Describe(e, ct) is { } failure)
        {
            throw new WhoopApiException($"WHOOP {failure} for {what}.", e);
        }
    }

    private static string Stamp(DateTimeOffset instant) =>
        Uri.EscapeDataString(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    private static int? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault()?.Split(',')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static int? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : null;

    private static TimeSpan? Seconds(int? seconds) => seconds is { } s ? TimeSpan.FromSeconds(Math.Max(0, s)) : null;
}
