using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ProjectTracker.Simulators.Faults;

namespace ProjectTracker.Simulators.Whoop;

/// <summary>WHOOP's v2 collections under <c>/developer</c>: bearer tokens, 25-record pages with <c>nextToken</c>, rate limits.</summary>
public static class WhoopSimulatorEndpoints
{
    public const int MaxPageSize = 25;

    public static IEndpointRouteBuilder MapWhoopSimulator(this IEndpointRouteBuilder routes, WhoopSimulatorState state)
    {
        var stateOf = state;
        var api = routes.MapGroup("/developer/v2");
        api.MapGet("/cycle", (HttpContext http) => Collection(http, state,
            () => state.Cycles.Values.Select(c => (c.Start, c.End ?? state.Time.GetUtcNow(), (object)WhoopWireFormat.Cycle(c)))));
        api.MapGet("/activity/sleep", (HttpContext http) => Collection(http, state,
            () => state.Sleeps.Values.Select(s => (s.Start, s.End, (object)WhoopWireFormat.Sleep(s)))));
        api.MapGet("/activity/workout", (HttpContext http) => Collection(http, state,
            () => state.Workouts.Values.Select(w => (w.Start, w.End, (object)WhoopWireFormat.Workout(w)))));
        api.MapGet("/recovery", (HttpContext http) => Collection(http, state, () => state.Recoveries.Values.Select(r =>
        {
            // Recoveries are ordered and filtered by their sleep.
            var sleep = state.Sleeps.GetValueOrDefault(r.SleepId);
            return (sleep?.Start ?? r.CreatedAt, sleep?.End ?? r.CreatedAt, (object)WhoopWireFormat.Recovery(r));
        })));
        api.MapGet("/activity/sleep/{id}", (HttpContext http, string id) => Answer(http, state, () =>
            state.Sleeps.TryGetValue(id, out var sleep) ? (200, WhoopWireFormat.Sleep(sleep)) : (404, new { message = "Not Found" })));
        api.MapGet("/activity/workout/{id}", (HttpContext http, string id) => Answer(http, state, () =>
            state.Workouts.TryGetValue(id, out var workout) ? (200, WhoopWireFormat.Workout(workout)) : (404, new { message = "Not Found" })));
        api.MapGet("/cycle/{id:long}/recovery", (HttpContext http, long id) => Answer(http, state, () =>
            state.Recoveries.TryGetValue(id, out var recovery) ? (200, WhoopWireFormat.Recovery(recovery)) : (404, new { message = "Not Found" })));
        api.MapGet("/user/profile/basic", (HttpContext http) => Answer(http, state, () => (200, WhoopWireFormat.Profile(state.Profile))));
        // The shape of WHOOP's documented example; a grant without the scope is refused as OAuth's insufficient_scope.
        api.MapGet("/user/measurement/body", (HttpContext http) => Answer(http, state, () =>
            state.GrantedScope.Split(' ').Contains("read:body_measurement")
                ? (200, new Dictionary<string, object>
                {
                    ["height_meter"] = state.Body.HeightMeter, ["weight_kilogram"] = state.Body.WeightKilogram, ["max_heart_rate"] = state.Body.MaxHeartRate,
                })
                : (403, new { message = "Forbidden" })));
        api.MapDelete("/user/access", (HttpContext http) => Answer(http, state, () =>
        {
            state.RevokeAccess();
            return (204, new { });
        }));
        routes.MapPost("/oauth/oauth2/token", async (HttpContext http) => await TokenAsync(http, state));
        routes.MapGet("/oauth/oauth2/auth", (HttpContext http) =>
        {
            // Auto-approves, as if the member signed in and agreed; refuses what WHOOP would refuse.
            var query = http.Request.Query;
            var state = (string?)query["state"];
            if (query["client_id"] != stateOf.ClientId || query["response_type"] != "code" || string.IsNullOrEmpty(query["redirect_uri"])
                || state is not { Length: >= 8 } || !((string?)query["scope"] ?? "").Split(' ').Contains("offline"))
            {
                return Results.BadRequest(new { error = "invalid_request" });
            }

            var redirect = (string)query["redirect_uri"]!;
            var challenge = (string?)query["code_challenge"];
            if (challenge is not null && query["code_challenge_method"] != "S256")
            {
                return Results.BadRequest(new { error = "invalid_request", error_description = "Only S256 code challenges are accepted." });
            }

            var code = stateOf.IssueCode(redirect, challenge, query["scope"]!);
            return Results.Redirect($"{redirect}{(redirect.Contains('?') ? '&' : '?')}code={code}&state={Uri.EscapeDataString(state)}&scope={Uri.EscapeDataString(stateOf.GrantedScopeOf(code))}");
        });
        return routes;
    }

    private static Task Collection(HttpContext http, WhoopSimulatorState state, Func<IEnumerable<(DateTimeOffset Start, DateTimeOffset End, object Record)>> all) =>
        Answer(http, state, () =>
        {
            var query = http.Request.Query;
            var limit = int.TryParse(query["limit"], out var l) ? l : 10;
            if (limit is < 1 or > MaxPageSize)
            {
                return (400, new { message = $"limit must be between 1 and {MaxPageSize}" });
            }

            var start = Parse(query["start"]) ?? DateTimeOffset.MinValue;
            var end = Parse(query["end"]) ?? state.Time.GetUtcNow();
            var offset = query["nextToken"] is { Count: > 0 } token
                ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token!)), CultureInfo.InvariantCulture)
                : 0;
            var matching = all().Where(r => r.Start < end && r.End > start).OrderByDescending(r => r.Start).ToList();
            var page = matching.Skip(offset).Take(limit).Select(r => r.Record).ToList();
            var next = offset + limit < matching.Count
                ? Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + limit).ToString(CultureInfo.InvariantCulture)))
                : null;
            return (200, new { records = page, next_token = next });
        });

    // Client credentials in the form body, as WHOOP wants them; refresh tokens rotate and are refused when reused.
    // A planned fault is served instead of the grant (nothing rotates), so the tokens still work afterwards.
    private static async Task TokenAsync(HttpContext http, WhoopSimulatorState state)
    {
        var form = await http.Request.ReadFormAsync();
        switch (state.Faults.Take(http.Request.Path.Value ?? "/"))
        {
            case { Kind: FaultKind.AccessTokenExpired or FaultKind.AccessRevoked }:
                state.InvalidateTokens(refreshTokensToo: true);
                await WriteAsync(http, 400, new { error = "invalid_grant", error_description = "The refresh token was revoked." });
                return;
            case { } fault:
                await WriteFaultAsync(http, state, fault, () => """{"access_token":"whoop-access-lost","refresh_token":"whoop-refresh-lost","expires_in":3600}""");
                return;
        }

        if (form["client_id"] != state.ClientId || form["client_secret"] != state.ClientSecret)
        {
            await WriteAsync(http, 401, new { error = "invalid_client" });
            return;
        }

        var tokens = (string?)form["grant_type"] switch
        {
            "refresh_token" => state.Rotate(form["refresh_token"].ToString()),
            "authorization_code" => state.Redeem(form["code"].ToString(), form["redirect_uri"].ToString(), form["code_verifier"]),
            _ => null,
        };
        if (tokens is null)
        {
            await WriteAsync(http, 400, new { error = "invalid_grant", error_description = "The refresh token is invalid or was used already." });
            return;
        }

        await WriteAsync(http, 200, new Dictionary<string, object>
        {
            ["access_token"] = tokens.Value.Access, ["refresh_token"] = tokens.Value.Refresh, ["expires_in"] = state.AccessTokenLifetimeSeconds,
            ["scope"] = state.GrantedScope, ["token_type"] = "bearer",
        });
    }

    private static async Task Answer(HttpContext http, WhoopSimulatorState state, Func<(int Status, object Body)> handle)
    {
        var path = http.Request.Path.Value ?? "/";
        var status = await AnswerCoreAsync(http, state, path, handle);
        state.Requests.Enqueue((path + http.Request.QueryString, status));
    }

    private static async Task<int> AnswerCoreAsync(HttpContext http, WhoopSimulatorState state, string path, Func<(int Status, object Body)> handle)
    {
        var authorization = (string?)http.Request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !state.AccessTokens.Contains(authorization[7..]))
        {
            return await WriteAsync(http, 401, new { message = "Unauthorized" });
        }

        var (allowed, remaining, reset) = state.Consume();
        http.Response.Headers["X-RateLimit-Limit"] = $"{state.RequestsPerMinute}, {state.RequestsPerMinute};window=60, 10000;window=86400";
        http.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        if (!allowed)
        {
            return await WriteAsync(http, 429, new { message = "Too Many Requests" });
        }

        var fault = state.Faults.Take(path);
        switch (fault?.Kind)
        {
            case FaultKind.AccessTokenExpired or FaultKind.AccessRevoked:
                state.InvalidateTokens(refreshTokensToo: fault.Kind == FaultKind.AccessRevoked);
                return await WriteAsync(http, 401, new { message = "Unauthorized" });
            case FaultKind.Delay when !await FaultResponses.DelayAsync(http, fault, state.Faults, state.Time):
                return 499; // the client gave up waiting
            case FaultKind.Status or FaultKind.MalformedJson or FaultKind.TruncatedBody:
                return await WriteFaultAsync(http, state, fault, () => JsonSerializer.Serialize(handle().Body, WhoopWireFormat.Json));
        }

        var (status, body) = handle();
        return await WriteAsync(http, status, body);
    }

    /// <summary>An error status (a 429 also says the budget is spent until Retry-After), or the real answer broken.</summary>
    private static async Task<int> WriteFaultAsync(HttpContext http, WhoopSimulatorState state, Fault fault, Func<string> realAnswer)
    {
        if (fault.CorruptsBody())
        {
            await FaultResponses.WriteCorruptedAsync(http, fault, realAnswer());
            return 200;
        }

        if (fault.Kind == FaultKind.Delay)
        {
            await FaultResponses.DelayAsync(http, fault, state.Faults, state.Time);
            http.Abort();
            return 499;
        }

        if (fault.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            if (fault.StatusCode == 429)
            {
                http.Response.Headers["X-RateLimit-Remaining"] = "0";
                http.Response.Headers["X-RateLimit-Reset"] = seconds.ToString(CultureInfo.InvariantCulture);
            }
        }

        return await WriteAsync(http, fault.StatusCode, new { message = fault.StatusCode == 429 ? "Too Many Requests" : "Simulated failure" });
    }

    private static async Task<int> WriteAsync(HttpContext http, int status, object body)
    {
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status204NoContent)
        {
            return status;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(body, WhoopWireFormat.Json));
        return status;
    }

    private static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
