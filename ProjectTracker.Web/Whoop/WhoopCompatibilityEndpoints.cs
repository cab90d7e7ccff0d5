using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Whoop;

/// <summary>The old app's other WHOOP endpoints, which its own frontend calls (API_COMPAT.md, last section).</summary>
public static class WhoopCompatibilityEndpoints
{
    private const string CachedDataMessage = "Using cached data from database";
    private static readonly DateOnly WhoopBeginning = new(2012, 1, 1);

    public static IEndpointRouteBuilder MapWhoopCompatibilityApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/whoop").WithTags("WHOOP");
        api.MapMethods("/refresh/today", ["GET", "POST"], RefreshToday)
            .WithSummary("Syncs the last two days for a page load; always 200 (shared by concurrent callers)");
        api.MapGet("/profile", GetProfile).WithSummary("The member's profile, cached at sign-in (?refresh=true asks WHOOP again)");
        api.MapGet("/auth/test", TestConnection).WithSummary("Checks the WHOOP connection by reading the profile");
        api.MapGet("/sync/status", GetSyncStatus).WithSummary("The last sync, record counts and the newest days stored");
        api.MapPost("/sync/incremental", SyncIncremental)
            .WithSummary($"Syncs from the newest stored record to now; over {WhoopSyncRequests.LongestWaitedDays} days as a background job (202)");
        api.MapPost("/sync/full", SyncFull).WithSummary("Syncs everything WHOOP has, as a background job (202 with its status URL)");
        return routes;
    }

    private static async Task<Ok<Dictionary<string, object?>>> RefreshToday(WhoopTodayRefresher today, WhoopOptions options)
    {
        try
        {
            var synced = await today.RefreshAsync();
            return TypedResults.Ok(new Dictionary<string, object?>
            {
                ["status"] = "success", ["message"] = "Today's data refreshed", ["synced"] = Synced(synced), ["total_records"] = synced.Total,
            });
        }
        catch (WhoopNotConnectedException)
        {
            return Skipped(options.HasClientCredentials ? "not_connected" : "not_configured");
        }
        catch (WhoopApiException e)
        {
            return TypedResults.Ok(new Dictionary<string, object?> { ["status"] = "error", ["reason"] = e.Message, ["message"] = CachedDataMessage });
        }
    }

    // WHOOP is asked only for a caller the refresh rule admits, and then at most once a minute for everyone
    // (WhoopProfileReader); anyone else gets the stored profile.
    private static async Task<Results<Ok<Dictionary<string, object?>>, ProblemHttpResult>> GetProfile(
        bool? refresh, HttpContext http, RefreshAccess access, WhoopProfileReader reader, WhoopReadService whoop, CancellationToken ct)
    {
        if (refresh == true && access.IsAllowed(http))
        {
            try
            {
                await reader.ReadAsync(ct);
                return TypedResults.Ok(ProfileJson(await whoop.GetProfileAsync(ct), "api"));
            }
            catch (WhoopApiException)
            {
                // Answer the cached profile, as the old app did; without one, the problem below.
            }
        }

        return await whoop.GetProfileAsync(ct) is { } cached
            ? TypedResults.Ok(ProfileJson(cached, "cache"))
            : Problems.Create(StatusCodes.Status400BadRequest, "Whoop API not configured and no cached profile",
                $"No WHOOP profile is stored yet. Connect WHOOP at {WhoopEndpoints.ConnectPath}.");
    }

    private static async Task<Results<Ok<Dictionary<string, object?>>, ProblemHttpResult>> TestConnection(
        WhoopProfileReader reader, WhoopOptions options, CancellationToken ct)
    {
        try
        {
            var profile = await reader.ReadAsync(ct);
            return TypedResults.Ok(new Dictionary<string, object?>
            {
                ["success"] = true,
                ["message"] = "Whoop API connection successful",
                ["profile"] = new Dictionary<string, object?>
                {
                    ["user_id"] = profile.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["email"] = profile.Email, ["first_name"] = profile.FirstName, ["last_name"] = profile.LastName,
                },
            });
        }
        catch (WhoopNotConnectedException)
        {
            var details = options.HasClientCredentials
                ? $"Open {WhoopEndpoints.ConnectPath} to connect WHOOP."
                : "Set WHOOP_CLIENT_ID and WHOOP_CLIENT_SECRET, restart, then connect WHOOP.";
            return Problems.Create(StatusCodes.Status400BadRequest, "Whoop API not configured", details,
                new Dictionary<string, object?> { ["success"] = false, ["details"] = details });
        }
        catch (WhoopReconnectRequiredException e)
        {
            return Problems.Create(StatusCodes.Status401Unauthorized, "Whoop connection refused", e.Message,
                new Dictionary<string, object?> { ["success"] = false, ["details"] = $"Open {WhoopEndpoints.ConnectPath} to connect again." });
        }
        catch (WhoopApiException e)
        {
            return Problems.Create(StatusCodes.Status502BadGateway, "Whoop API error", e.Message,
                new Dictionary<string, object?> { ["success"] = false, ["details"] = e.Message });
        }
    }

    private static async Task<Ok<Dictionary<string, object?>>> GetSyncStatus(
        WhoopReadService whoop, IDbContextFactory<TrackerDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var last = await db.WhoopSyncStatuses.AsNoTracking().OrderByDescending(s => s.LastSyncAt).FirstOrDefaultAsync(ct);
        var counts = await whoop.CountAsync(ct);
        var recovery = await db.WhoopRecoveries.MaxAsync(r => (DateTime?)r.Date, ct);
        var sleep = await db.WhoopSleeps.MaxAsync(s => (DateTime?)s.Date, ct);
        var cycle = await db.WhoopCycles.MaxAsync(c => c.Date ?? c.StartTime, ct);
        return TypedResults.Ok(new Dictionary<string, object?>
        {
            ["last_sync"] = last is null ? null : new Dictionary<string, object?>
            {
                ["last_sync_at"] = last.LastSyncAt, ["last_sync_type"] = last.LastSyncType, ["records_synced"] = last.RecordsSynced,
                ["status"] = last.Status, ["error_message"] = last.ErrorMessage,
                // Days a failed sync left unread (the newer ones it read were kept); the next sync fetches them.
                ["missing_from"] = last.MissingFrom, ["missing_until"] = last.MissingUntil,
            },
            ["database_counts"] = new Dictionary<string, int>
            {
                ["recovery"] = counts.Recovery, ["sleep"] = counts.Sleep, ["workouts"] = counts.Workouts, ["cycles"] = counts.Cycles,
            },
            ["latest_data_dates"] = new Dictionary<string, string?>
            {
                ["recovery"] = recovery?.ToString("yyyy-MM-dd"), ["sleep"] = sleep?.ToString("yyyy-MM-dd"), ["cycle"] = cycle?.ToString("yyyy-MM-dd"),
            },
            ["total_records"] = counts.Total,
        });
    }

    private static async Task<Results<Ok<WhoopRefreshJson>, Accepted<WhoopSyncStartedJson>, ProblemHttpResult>> SyncIncremental(
        WhoopSyncRequests syncs, IDbContextFactory<TrackerDbContext> contexts, TimeProvider time, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var newest = await db.WhoopCycles.MaxAsync(c => c.StartTime, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // From a day before the newest stored record, so a cycle still open then is read again.
        var start = newest is { } n ? DateOnly.FromDateTime(n).AddDays(-1) : today.AddDays(-7);
        return await syncs.SyncAsync(new DateRange(start < today ? start : today, today), "incremental", ct);
    }

    // Years of data: always a background job (202 with its status URL).
    private static Task<Results<Ok<WhoopRefreshJson>, Accepted<WhoopSyncStartedJson>, ProblemHttpResult>> SyncFull(
        WhoopSyncRequests syncs, TimeProvider time, CancellationToken ct) =>
        syncs.SyncAsync(new DateRange(WhoopBeginning, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)), "full", ct);

    private static Dictionary<string, int> Synced(WhoopSyncResult r) => new()
    {
        ["recovery"] = r.Recovery, ["sleep"] = r.Sleep, ["workouts"] = r.Workouts, ["cycles"] = r.Cycles,
    };

    private static Ok<Dictionary<string, object?>> Skipped(string reason) =>
        TypedResults.Ok(new Dictionary<string, object?> { ["status"] = "skipped", ["reason"] = reason, ["message"] = CachedDataMessage });

    private static Dictionary<string, object?> ProfileJson(WhoopProfile? profile, string source) => new()
    {
        ["user_id"] = profile?.UserId, ["first_name"] = profile?.FirstName, ["last_name"] = profile?.LastName,
        ["email"] = profile?.Email, ["updated_at"] = profile?.UpdatedAt, ["source"] = source,
        // Not in the old app: the body measurement (read:body_measurement), null until WHOOP answered it.
        ["height_meter"] = profile?.HeightMeter, ["weight_kilogram"] = profile?.WeightKilogram, ["max_heart_rate"] = profile?.MaxHeartRate,
    };
}
