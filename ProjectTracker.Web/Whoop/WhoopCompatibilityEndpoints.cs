using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Whoop;

/// <summary>The old app's other WHOOP endpoints, which its own frontend calls (API_COMPAT.md, last section).</summary>
public static class WhoopCompatibilityEndpoints
{
    private static readonly DateOnly WhoopBeginning = new(2012, 1, 1);

    public static IEndpointRouteBuilder MapWhoopCompatibilityApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/whoop").WithTags("WHOOP");
        api.MapMethods("/refresh/today", ["GET", "POST"], RefreshToday)
            .WithSummary("Sync today")
            .WithDescription("Syncs the last two days for a page load; always 200 (shared by concurrent callers).");
        api.MapGet("/profile", GetProfile).WithSummary("Profile")
            .WithDescription("The member's profile, cached at sign-in (`?refresh=true` asks WHOOP again).");
        api.MapGet("/auth/test", TestConnection).WithSummary("Test the connection")
            .WithDescription("Checks the WHOOP connection by reading the profile.");
        api.MapGet("/sync/status", GetSyncStatus).WithSummary("Sync status")
            .WithDescription("The last sync, record counts and the newest days stored.");
        api.MapPost("/sync/incremental", SyncIncremental)
            .WithSummary("Sync new records")
            .WithDescription($"Syncs from the newest stored record to now; over {WhoopSyncRequests.LongestWaitedDays} days as a background job (202).");
        api.MapPost("/sync/full", SyncFull).WithSummary("Sync everything")
            .WithDescription("Syncs everything WHOOP has, as a background job (202 with its status URL).");
        return routes;
    }

    private static async Task<Ok<TodayRefreshJson>> RefreshToday(WhoopTodayRefresher today, WhoopOptions options)
    {
        try
        {
            return TypedResults.Ok(TodayRefreshJson.Refreshed(await today.RefreshAsync()));
        }
        catch (WhoopNotConnectedException)
        {
            return TypedResults.Ok(TodayRefreshJson.Skipped(options.HasClientCredentials ? "not_connected" : "not_configured"));
        }
        catch (WhoopApiException e)
        {
            return TypedResults.Ok(TodayRefreshJson.Failed(e.Message));
        }
    }

    // WHOOP is asked only for a caller the refresh rule admits, and then at most once a minute for everyone
    // (WhoopProfileReader); anyone else gets the stored profile.
    private static async Task<Results<Ok<WhoopProfileJson>, ProblemHttpResult>> GetProfile(
        bool? refresh, HttpContext http, RefreshAccess access, WhoopProfileReader reader, WhoopReadService whoop, CancellationToken ct)
    {
        if (refresh == true && access.IsAllowed(http))
        {
            try
            {
                await reader.ReadAsync(ct);
                return TypedResults.Ok(WhoopProfileJson.From(await whoop.GetProfileAsync(ct), "api"));
            }
            catch (WhoopApiException)
            {
                // Answer the cached profile, as the old app did; without one, the problem below.
            }
        }

        return await whoop.GetProfileAsync(ct) is { } cached
            ? TypedResults.Ok(WhoopProfileJson.From(cached, "cache"))
            : Problems.Create(StatusCodes.Status400BadRequest, "Whoop API not configured and no cached profile",
                $"No WHOOP profile is stored yet. Connect WHOOP at {WhoopEndpoints.ConnectPath}.");
    }

    private static async Task<Results<Ok<ConnectionTestJson>, ProblemHttpResult>> TestConnection(
        WhoopProfileReader reader, WhoopOptions options, CancellationToken ct)
    {
        try
        {
            var profile = await reader.ReadAsync(ct);
            return TypedResults.Ok(new ConnectionTestJson(true, "Whoop API connection successful", ConnectionTestProfileJson.From(profile)));
        }
        catch (WhoopNotConnectedException)
        {
            var details = WhoopAdvice.Missing(options);
            return Problems.Create(StatusCodes.Status400BadRequest, "Whoop API not configured", details,
                new Dictionary<string, object?> { ["success"] = false, ["details"] = details });
        }
        catch (WhoopReconnectRequiredException e)
        {
            return Problems.Create(StatusCodes.Status401Unauthorized, "Whoop connection refused", e.Message,
                new Dictionary<string, object?> { ["success"] = false, ["details"] = WhoopAdvice.ReconnectStep });
        }
        catch (WhoopApiException e)
        {
            return Problems.Create(StatusCodes.Status502BadGateway, "Whoop API error", e.Message,
                new Dictionary<string, object?> { ["success"] = false, ["details"] = e.Message });
        }
    }

    private static async Task<Ok<SyncStatusJson>> GetSyncStatus(WhoopReadService whoop, CancellationToken ct)
    {
        var counts = await whoop.CountAsync(ct);
        return TypedResults.Ok(new SyncStatusJson(
            LastSyncJson.From(await whoop.GetLastSyncAsync(ct)),
            RecordCountsJson.From(counts),
            LatestDataDatesJson.From(await whoop.GetLatestDaysAsync(ct)),
            counts.Total));
    }

    private static async Task<Results<Ok<WhoopRefreshJson>, Accepted<WhoopSyncStartedJson>, ProblemHttpResult>> SyncIncremental(
        WhoopSyncRequests syncs, WhoopReadService whoop, TimeProvider time, CancellationToken ct)
    {
        var newest = await whoop.GetNewestCycleStartAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // From a day before the newest stored record, so a cycle still open then is read again.
        var start = newest is { } n ? DateOnly.FromDateTime(n).AddDays(-1) : today.AddDays(-7);
        return await syncs.SyncAsync(new DateRange(start < today ? start : today, today), "incremental", ct);
    }

    // Years of data: always a background job (202 with its status URL).
    private static Task<Results<Ok<WhoopRefreshJson>, Accepted<WhoopSyncStartedJson>, ProblemHttpResult>> SyncFull(
        WhoopSyncRequests syncs, TimeProvider time, CancellationToken ct) =>
        syncs.SyncAsync(new DateRange(WhoopBeginning, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)), "full", ct);
}
