using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ProjectTracker.Simulators.Faults;

namespace ProjectTracker.Simulators.GitHub;

/// <summary>The REST endpoints a refresh uses, with GitHub's headers: ETags and 304s, rate limits, Link pagination.</summary>
public static class GitHubSimulatorEndpoints
{
    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapGitHubSimulator(this IEndpointRouteBuilder routes, GitHubSimulatorState state)
    {
        routes.MapGet("/user", (HttpContext http) =>
            Answer(http, state, () => (200, GitHubJson.User(BaseUrl(http), state.Login, state.UserId))));

        routes.MapGet("/user/repos", (HttpContext http) => Answer(http, state, () =>
        {
            var ownedOnly = http.Request.Query["affiliation"] == "owner" || http.Request.Query["type"] == "owner";
            var repositories = state.Repositories
                .Where(r => !ownedOnly || r.Owner.Equals(state.Login, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
                .Select(r => GitHubJson.Repository(BaseUrl(http), r, state.UserId));
            return (200, Page(http, repositories.ToList()));
        }));

        routes.MapGet("/repos/{owner}/{name}", (HttpContext http, string owner, string name) => Answer(http, state, () =>
            state.FindRepository(owner, name) is { } r ? (200, GitHubJson.Repository(BaseUrl(http), r, state.UserId)) : NotFound()));

        routes.MapGet("/repos/{owner}/{name}/commits", (HttpContext http, string owner, string name) => Answer(http, state, () =>
        {
            if (state.FindRepository(owner, name) is not { } r)
            {
                return NotFound();
            }

            var query = http.Request.Query;
            var author = (string?)query["author"];
            var since = ParseTime(query["since"]);
            var until = ParseTime(query["until"]);
            var commits = r.Commits.ToList();
            if (commits.Count == 0)
            {
                return (409, GitHubJson.Error("Git Repository is empty."));
            }

            var selected = commits
                .Where(c => author is null || string.Equals(c.AuthorLogin, author, StringComparison.OrdinalIgnoreCase))
                .Where(c => since is null || c.CommittedAt >= since)
                .Where(c => until is null || c.CommittedAt <= until)
                .OrderByDescending(c => c.CommittedAt)
                .Select(c => GitHubJson.Commit(BaseUrl(http), r, c, state.UserId));
            return (200, Page(http, selected.ToList()));
        }));

        routes.MapGet("/repos/{owner}/{name}/languages", (HttpContext http, string owner, string name) => Answer(http, state, () =>
            state.FindRepository(owner, name) is { } r ? (200, new Dictionary<string, long>(r.Languages)) : NotFound()));

        routes.MapGet("/repos/{owner}/{name}/stats/code_frequency", (HttpContext http, string owner, string name) => Answer(http, state, () =>
        {
            if (state.FindRepository(owner, name) is not { } r)
            {
                return NotFound();
            }

            if (r.StatisticsUnavailable)
            {
                return (422, GitHubJson.Error("The statistics are not available for repositories with 10,000 or more commits."));
            }

            if (state.TakeStatisticsComputingResponse(r) > 0)
            {
                return (202, new Dictionary<string, object>());
            }

            return r.Commits.Count == 0 ? (204, null) : (200, r.CodeFrequency.ToList());
        }));

        routes.MapGet("/rate_limit", (HttpContext http) =>
        {
            var (limit, remaining, reset) = state.RateLimit.Snapshot();
            var core = new { limit, remaining, reset, used = limit - remaining, resource = "core" };
            return Results.Json(new { resources = new { core }, rate = core });
        });

        return routes;
    }

    // Every answer goes through here: planned faults, the rate limit, ETag / If-None-Match, the request log.
    private static async Task Answer(HttpContext http, GitHubSimulatorState state, Func<(int Status, object? Body)> handle)
    {
        if (state.AddedLatency > TimeSpan.Zero)
        {
            await Task.Delay(state.AddedLatency);
        }

        var request = http.Request;
        var path = request.Path.Value ?? "/";
        var conditional = request.Headers.IfNoneMatch.Count > 0;
        var status = await AnswerCoreAsync(http, state, path, handle);
        state.Requests.Enqueue(new SimulatedRequest(request.Method, path + request.QueryString, status, conditional));
    }

    private static async Task<int> AnswerCoreAsync(HttpContext http, GitHubSimulatorState state, string path, Func<(int Status, object? Body)> handle)
    {
        var response = http.Response;
        response.Headers["X-GitHub-Request-Id"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        var token = ((string?)http.Request.Headers.Authorization)?.Split(' ', 2) is [_, var value] ? value : null;
        if (token is null || !state.Tokens.Contains(token))
        {
            return await WriteAsync(http, state, 401, GitHubJson.Error("Bad credentials"));
        }

        var fault = state.Faults.Take(path);
        switch (fault?.Kind)
        {
            case FaultKind.Status:
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                var message = fault.StatusCode is 403 or 429
                    ? "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
                    : "Server Error";
                return await WriteAsync(http, state, fault.StatusCode, GitHubJson.Error(message));
            case FaultKind.AccessTokenExpired or FaultKind.AccessRevoked:
                state.Tokens.Clear(); // a personal access token is not renewed: expired or revoked, it stops working
                return await WriteAsync(http, state, 401, GitHubJson.Error("Bad credentials"));
            case FaultKind.Delay when !await FaultResponses.DelayAsync(http, fault):
                return 499; // the client gave up waiting
        }

        var (status, body) = handle();
        var json = body is null ? "" : JsonSerializer.Serialize(body);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}\"";
        var corrupt = fault is not null && fault.CorruptsBody();
        var notModified = !corrupt && status == 200 && http.Request.Headers.IfNoneMatch.Any(v => v == etag || v == $"W/{etag}");
        if (!state.RateLimit.TryConsume(free: notModified))
        {
            return await WriteAsync(http, state, 403, GitHubJson.Error($"API rate limit exceeded for user ID {state.UserId}."));
        }

        if (status == 200)
        {
            response.Headers.ETag = etag;
        }

        if (corrupt)
        {
            // The real answer's headers (its ETag too), as if it were broken on the way.
            WriteRateLimitHeaders(http, state);
            await FaultResponses.WriteCorruptedAsync(http, fault!, json);
            return 200;
        }

        return notModified ? await WriteAsync(http, state, 304, null) : await WriteAsync(http, state, status, body, json);
    }

    private static async Task<int> WriteAsync(HttpContext http, GitHubSimulatorState state, int status, object? body, string? json = null)
    {
        WriteRateLimitHeaders(http, state);
        http.Response.StatusCode = status;
        if (body is not null && status != 304)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(json ?? JsonSerializer.Serialize(body));
        }

        return status;
    }

    private static void WriteRateLimitHeaders(HttpContext http, GitHubSimulatorState state)
    {
        var (limit, remaining, reset) = state.RateLimit.Snapshot();
        var headers = http.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Used"] = (limit - remaining).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Resource"] = "core";
    }

    private static List<T> Page<T>(HttpContext http, List<T> items)
    {
        var query = http.Request.Query;
        var perPage = int.TryParse(query["per_page"], out var p) ? Math.Clamp(p, 1, MaxPageSize) : 30;
        var page = int.TryParse(query["page"], out var n) ? Math.Max(1, n) : 1;
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{PageUrl(http, page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(http, last)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(http, 1)}>; rel=\"first\"");
            links.Add($"<{PageUrl(http, page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            http.Response.Headers.Link = string.Join(", ", links);
        }

        return items.Skip((page - 1) * perPage).Take(perPage).ToList();
    }

    private static string PageUrl(HttpContext http, int page)
    {
        var query = http.Request.Query
            .Where(q => q.Key != "page")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"page={page}");
        return $"{BaseUrl(http)}{http.Request.Path.Value!.TrimStart('/')}?{string.Join('&', query)}";
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}/";

    private static (int, object?) NotFound() => (404, GitHubJson.Error("Not Found"));

    private static DateTime? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.UtcDateTime : null;
}
