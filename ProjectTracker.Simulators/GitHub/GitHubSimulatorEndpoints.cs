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
    private const string SecondaryLimitMessage = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.";

    public static IEndpointRouteBuilder MapGitHubSimulator(this IEndpointRouteBuilder routes, GitHubSimulatorState state)
    {
        routes.MapGet("/user", (HttpContext http) =>
            Answer(http, state, () => (200, GitHubJson.User(BaseUrl(http), state.Login, state.UserId))));

        routes.MapGet("/user/emails", (HttpContext http) => Answer(http, state, () => state.EmailsReadable
            ? (200, Page(http, state.Emails.Select(e => new Dictionary<string, object?>
            {
                ["email"] = e.Email, ["verified"] = e.Verified, ["primary"] = e.Primary, ["visibility"] = e.Primary ? "private" : null,
            }).ToList()))
            : NotFound()));

        routes.MapGet("/user/repos", (HttpContext http) => Answer(http, state, () =>
        {
            // GitHub's default affiliation is all three; type=owner is the older way of asking for owned ones only.
            var affiliation = ((string?)http.Request.Query["affiliation"] ?? "owner,collaborator,organization_member")
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (http.Request.Query["type"] == "owner")
            {
                affiliation = ["owner"];
            }

            var repositories = state.Repositories
                .Where(r => state.IsAffiliated(r, affiliation))
                .OrderBy(r => r.FullName, StringComparer.OrdinalIgnoreCase)
                .Select(r => GitHubJson.Repository(BaseUrl(http), r, state.UserId));
            return (200, Page(http, repositories.ToList()));
        }));

        // By id: where a renamed or transferred repository is found (or not, once deleted or unreadable).
        routes.MapGet("/repositories/{id:long}", (HttpContext http, long id) => Answer(http, state, () =>
            state.FindRepository(id) is { } r && state.IsVisible(r) ? (200, GitHubJson.Repository(BaseUrl(http), r, state.UserId)) : NotFound()));

        routes.MapGet("/repos/{owner}/{name}", (HttpContext http, string owner, string name) => Answer(http, state, () =>
            WithRepository(state, owner, name, r => (200, GitHubJson.Repository(BaseUrl(http), r, state.UserId)))));

        routes.MapGet("/repos/{owner}/{name}/commits", (HttpContext http, string owner, string name) => Answer(http, state, () =>
            WithRepository(state, owner, name, r => ListCommits(http, state, r))));

        routes.MapGet("/repos/{owner}/{name}/compare/{basehead}", (HttpContext http, string owner, string name, string basehead) =>
            Answer(http, state, () => WithRepository(state, owner, name, r => Compare(http, state, r, basehead))));

        routes.MapGet("/repos/{owner}/{name}/branches/{branch}", (HttpContext http, string owner, string name, string branch) =>
            Answer(http, state, () => WithRepository(state, owner, name, r =>
            {
                var history = Snapshot(state, r);
                if (!branch.Equals(r.DefaultBranch, StringComparison.Ordinal) || history.Count == 0)
                {
                    return (404, GitHubJson.Error("Branch not found"));
                }

                var head = history[^1];
                return (200, new Dictionary<string, object?>
                {
                    ["name"] = branch,
                    ["commit"] = GitHubJson.Commit(BaseUrl(http), r, head, history.Count > 1 ? history[^2].Sha : null, state.UserId, state.Login),
                    ["protected"] = false,
                });
            })));

        routes.MapGet("/repos/{owner}/{name}/languages", (HttpContext http, string owner, string name) => Answer(http, state, () =>
            WithRepository(state, owner, name, r => (200, new Dictionary<string, long>(r.Languages)))));

        routes.MapGet("/repos/{owner}/{name}/stats/code_frequency", (HttpContext http, string owner, string name) => Answer(http, state, () =>
            WithRepository(state, owner, name, r =>
            {
                if (r.StatisticsUnavailable)
                {
                    return (422, GitHubJson.Error("The statistics are not available for repositories with 10,000 or more commits."));
                }

                if (state.TakeStatisticsComputingResponse(r) > 0)
                {
                    return (202, new Dictionary<string, object>());
                }

                return r.Commits.Count == 0 ? (204, null) : (200, r.CodeFrequency.ToList());
            })));

        routes.MapGet("/rate_limit", (HttpContext http) =>
        {
            var (limit, remaining, reset) = state.RateLimit.Snapshot();
            var core = new { limit, remaining, reset, used = limit - remaining, resource = "core" };
            return Results.Json(new { resources = new { core }, rate = core });
        });

        return routes;
    }

    private static (int, object?) WithRepository(GitHubSimulatorState state, string owner, string name, Func<SimulatedRepository, (int, object?)> handle)
    {
        if (state.FindRepository(owner, name) is not { } r || !state.IsVisible(r))
        {
            return NotFound();
        }

        return r.RefusedWith switch
        {
            403 => (403, GitHubJson.Error("Resource not accessible by personal access token",
                "https://docs.github.com/rest/commits/commits#list-commits")),
            451 => (451, GitHubJson.Error("Repository access blocked")),
            { } status => (status, GitHubJson.Error(status == 404 ? "Not Found" : "Refused")),
            null => handle(r),
        };
    }

    private static List<SimulatedCommit> Snapshot(GitHubSimulatorState state, SimulatedRepository r)
    {
        return state.History(r);
    }

    /// <summary>
    /// <c>GET /repos/{o}/{r}/commits</c>: the history reachable from <c>sha</c> (default branch by default), from the head
    /// back (git log's order: the head first, whatever the dates),
    /// filtered by <c>author</c> (a login: commits whose email is linked to that account; an email: that author email) and
    /// by commit date (<c>since</c>, <c>until</c>).
    /// </summary>
    private static (int, object?) ListCommits(HttpContext http, GitHubSimulatorState state, SimulatedRepository r)
    {
        var query = http.Request.Query;
        var history = Snapshot(state, r);
        if (history.Count == 0)
        {
            return (409, GitHubJson.Error("Git Repository is empty."));
        }

        var sha = (string?)query["sha"];
        if (sha is not null && sha != r.DefaultBranch)
        {
            var head = history.FindIndex(c => c.Sha == sha);
            if (head < 0)
            {
                return (404, GitHubJson.Error($"No commit found for SHA: {sha}"));
            }

            history = history[..(head + 1)];
        }

        var author = (string?)query["author"];
        var since = ParseTime(query["since"]);
        var until = ParseTime(query["until"]);
        var parents = ParentsOf(history);
        var selected = history
            .Where(c => author is null || (author.Contains('@')
                ? c.AuthorEmail.Equals(author, StringComparison.OrdinalIgnoreCase)
                : string.Equals(c.AuthorLogin, author, StringComparison.OrdinalIgnoreCase)))
            .Where(c => since is null || c.CommittedAt >= since)
            .Where(c => until is null || c.CommittedAt <= until)
            .Reverse()
            .Select(c => GitHubJson.Commit(BaseUrl(http), r, c, parents[c.Sha], state.UserId, state.Login));
        return (200, Page(http, selected.ToList()));
    }

    /// <summary>
    /// <c>GET /repos/{o}/{r}/compare/{base}...{head}</c>: the commits reachable from head and not from base, oldest first
    /// (push order), paginated; <c>diverged</c> when base was dropped by a force-push, 404 when base is unknown.
    /// </summary>
    private static (int, object?) Compare(HttpContext http, GitHubSimulatorState state, SimulatedRepository r, string basehead)
    {
        var parts = basehead.Split("...", 2);
        if (parts.Length != 2)
        {
            return NotFound();
        }

        var history = Snapshot(state, r);
        var head = parts[1] == r.DefaultBranch ? history.Count - 1 : history.FindIndex(c => c.Sha == parts[1]);
        var baseIndex = history.FindIndex(c => c.Sha == parts[0]);
        var dropped = r.Dropped.FirstOrDefault(c => c.Sha == parts[0]);
        if (head < 0 || (baseIndex < 0 && dropped is null))
        {
            return (404, GitHubJson.Error("Not Found"));
        }

        var parents = ParentsOf(history);
        var ahead = history.Skip(baseIndex + 1).Take(head - baseIndex).ToList();
        var behindBy = dropped is null ? Math.Max(0, baseIndex - head) : 1;
        var status = (ahead.Count, behindBy) switch
        {
            (0, 0) => "identical",
            (_, 0) => "ahead",
            (0, _) => "behind",
            _ => "diverged",
        };
        var baseCommit = dropped ?? history[baseIndex];
        var mergeBase = dropped is null || history.Count == 0 ? baseCommit : history[^1];
        var commits = Page(http, ahead.Select(c => GitHubJson.Commit(BaseUrl(http), r, c, parents[c.Sha], state.UserId, state.Login)).ToList(), defaultPageSize: 250);
        return (200, new Dictionary<string, object?>
        {
            ["url"] = $"{BaseUrl(http)}repos/{r.FullName}/compare/{basehead}",
            ["html_url"] = $"https://github.com/{r.FullName}/compare/{basehead}",
            ["base_commit"] = GitHubJson.Commit(BaseUrl(http), r, baseCommit, null, state.UserId, state.Login),
            ["merge_base_commit"] = GitHubJson.Commit(BaseUrl(http), r, mergeBase, null, state.UserId, state.Login),
            ["status"] = status, ["ahead_by"] = ahead.Count, ["behind_by"] = behindBy, ["total_commits"] = ahead.Count,
            ["commits"] = commits, ["files"] = Array.Empty<object>(),
        });
    }

    private static Dictionary<string, string?> ParentsOf(List<SimulatedCommit> history) =>
        history.Select((c, i) => (c.Sha, Parent: i > 0 ? history[i - 1].Sha : null)).ToDictionary(p => p.Sha, p => p.Parent);

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
        if (state.RecordedAnswers.TryGetValue(path, out var recorded))
        {
            handle = () => (200, System.Text.Json.Nodes.JsonNode.Parse(recorded));
        }

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

        if (state.SecondaryLimit.Check() is { } left)
        {
            response.Headers.RetryAfter = left.ToString(CultureInfo.InvariantCulture);
            return await WriteAsync(http, state, 403, GitHubJson.Error(SecondaryLimitMessage));
        }

        var fault = state.Faults.Take(path);
        switch (fault?.Kind)
        {
            case FaultKind.Status:
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                if (fault.StatusCode is 403 or 429)
                {
                    // Without Retry-After GitHub asks for at least a minute.
                    state.SecondaryLimit.Trip(TimeSpan.FromSeconds(fault.RetryAfterSeconds ?? 60));
                    return await WriteAsync(http, state, fault.StatusCode, GitHubJson.Error(SecondaryLimitMessage));
                }

                return await WriteAsync(http, state, fault.StatusCode, GitHubJson.Error("Server Error"));
            case FaultKind.AccessTokenExpired or FaultKind.AccessRevoked:
                state.Tokens.Clear(); // a personal access token is not renewed: expired or revoked, it stops working
                return await WriteAsync(http, state, 401, GitHubJson.Error("Bad credentials"));
            case FaultKind.Delay when !await FaultResponses.DelayAsync(http, fault, state.Faults, state.Time):
                return 499; // the client gave up waiting
        }

        var (status, body) = handle();
        var json = body is null ? "" : JsonSerializer.Serialize(body);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}\"";
        var corrupt = fault is not null && fault.CorruptsBody();
        var notModified = !corrupt && status == 200 && http.Request.Headers.IfNoneMatch.Any(v => v == etag || v == $"W/{etag}");
        if (!state.RateLimit.TryConsume(free: notModified))
        {
            return await WriteAsync(http, state, state.RateLimit.ExhaustedStatus, GitHubJson.Error(
                $"API rate limit exceeded for user ID {state.UserId}. If you reach out to GitHub Support for help, please include the request ID {response.Headers["X-GitHub-Request-Id"]}.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"));
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

    private static List<T> Page<T>(HttpContext http, List<T> items, int defaultPageSize = 30)
    {
        var query = http.Request.Query;
        var perPage = int.TryParse(query["per_page"], out var p) ? Math.Clamp(p, 1, MaxPageSize) : defaultPageSize;
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
