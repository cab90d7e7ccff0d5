using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Whoop;

public static class WhoopEndpoints
{
    public const string ConnectPath = WhoopAdvice.ConnectPath;

    public static IEndpointRouteBuilder MapWhoopApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/whoop").WithTags("WHOOP");
        api.MapGet("/recovery", ListRecoveries).WithRange(RangeDefaults.Lists)
            .WithName("ListRecoveries").WithSummary("List recoveries")
            .WithDescription("Recoveries by the athlete's local day, newest first.");
        api.MapGet("/recovery/latest", LatestRecovery)
            .WithName("LatestRecovery").WithSummary("Latest recovery")
            .WithDescription("The newest recovery.");
        api.MapGet("/sleep", ListSleeps).WithRange(RangeDefaults.Lists)
            .WithName("ListSleeps").WithSummary("List sleeps")
            .WithDescription("Sleeps and naps (`is_nap`) by the local day of waking up, newest first.");
        api.MapGet("/sleep/latest", LatestSleep)
            .WithName("LatestSleep").WithSummary("Latest sleep")
            .WithDescription("The newest night's sleep (a nap only when no night is stored).");
        api.MapGet("/workouts", ListWorkouts).WithRange(RangeDefaults.Lists)
            .WithName("ListWorkouts").WithSummary("List workouts")
            .WithDescription("Workouts by the local day they started, newest first.");
        api.MapGet("/cycles", ListCycles).WithRange(RangeDefaults.Lists)
            .WithName("ListCycles").WithSummary("List cycles")
            .WithDescription("Daily strain cycles by the day they describe, newest first.");
        api.MapGet("/metrics", GetMetrics).WithRange(RangeDefaults.Metrics)
            .WithName("GetWhoopMetrics").WithSummary("WHOOP metrics")
            .WithDescription("Recovery, sleep, strain, HRV and resting heart rate over the range (default 30 days).");
        api.MapPost("/refresh", Refresh).WithRange(RangeDefaults.Lists)
            .WithName("RefreshWhoop")
            .WithSummary("Sync a range")
            .WithDescription($"Syncs the range from WHOOP; over {WhoopSyncRequests.LongestWaitedDays} days as a background job (202); 409 while WHOOP is not connected.");
        api.MapGet("/sync/jobs/{job_id}", GetSyncJob)
            .WithName("GetWhoopSyncJob").WithSummary("Get a sync job")
            .WithDescription("One WHOOP sync with its progress (parts of 30 days) and what it stored.");
        api.MapGet("/sync/jobs", ListSyncJobs)
            .WithName("ListWhoopSyncJobs").WithSummary("List sync jobs")
            .WithDescription($"Recent WHOOP syncs, newest first. Optional `limit`: 1 to {JobLimit.Max}, default {JobLimit.Default}.");
        api.MapGet("/status", GetStatus)
            .WithName("GetWhoopStatus").WithSummary("WHOOP status")
            .WithDescription("Configuration and connection state (never a token).");
        return routes;
    }

    private static async Task<JsonArrayResult<RecoveryJson>> ListRecoveries(
        RangeQuery range, WhoopReadService whoop, SerializedItems<WhoopRecovery, RecoveryJson> json, CancellationToken ct) =>
        json.Array(await whoop.ListRecoveriesAsync(range.Value, ct));

    private static async Task<Results<Ok<RecoveryJson>, ProblemHttpResult>> LatestRecovery(WhoopReadService whoop, CancellationToken ct) =>
        await whoop.LatestRecoveryAsync(ct) is { } recovery
            ? TypedResults.Ok(RecoveryJson.From(recovery))
            : NoData("No recovery data found");

    private static async Task<JsonArrayResult<SleepJson>> ListSleeps(
        RangeQuery range, WhoopReadService whoop, SerializedItems<WhoopSleep, SleepJson> json, CancellationToken ct) =>
        json.Array(await whoop.ListSleepsAsync(range.Value, ct));

    private static async Task<Results<Ok<SleepJson>, ProblemHttpResult>> LatestSleep(WhoopReadService whoop, CancellationToken ct) =>
        await whoop.LatestSleepAsync(ct) is { } sleep
            ? TypedResults.Ok(SleepJson.From(sleep))
            : NoData("No sleep data found");

    private static async Task<JsonArrayResult<WorkoutJson>> ListWorkouts(
        RangeQuery range, WhoopReadService whoop, SerializedItems<WhoopWorkout, WorkoutJson> json, CancellationToken ct) =>
        json.Array(await whoop.ListWorkoutsAsync(range.Value, ct));

    private static async Task<JsonArrayResult<CycleJson>> ListCycles(
        RangeQuery range, WhoopReadService whoop, SerializedItems<WhoopCycle, CycleJson> json, CancellationToken ct) =>
        json.Array(await whoop.ListCyclesAsync(range.Value, ct));

    private static async Task<Ok<WhoopMetrics>> GetMetrics(RangeQuery range, WhoopReadService whoop, CancellationToken ct) =>
        TypedResults.Ok(await whoop.GetMetricsAsync(range.Value, ct));

    // The range is bound (and so validated) before WHOOP's connection is looked at: a bad request is a 400 either way.
    private static Task<Results<Ok<WhoopRefreshJson>, Accepted<WhoopSyncStartedJson>, ProblemHttpResult>> Refresh(
        RangeQuery range, WhoopSyncRequests syncs, CancellationToken ct) =>
        syncs.SyncAsync(range.Value, "manual", ct);

    private static async Task<Results<Ok<WhoopSyncJobJson>, ProblemHttpResult>> GetSyncJob(string job_id, WhoopSyncJobStore jobs, CancellationToken ct) =>
        await jobs.FindAsync(job_id, ct) is { } job
            ? TypedResults.Ok(WhoopSyncJobJson.From(job))
            : Problems.NotFound("Sync job not found", $"No WHOOP sync job '{job_id}'. GET /api/whoop/sync/jobs lists recent ones.");

    private static async Task<Ok<WhoopSyncJobJson[]>> ListSyncJobs(HttpRequest request, WhoopSyncJobStore jobs, CancellationToken ct) =>
        TypedResults.Ok((await jobs.ListAsync(JobLimit.Parse(request), ct)).Select(WhoopSyncJobJson.From).ToArray());

    /// <summary>Why a sync could not run, as a problem: not connected or reconnect needed (409), WHOOP failing (502).</summary>
    public static ProblemHttpResult SyncProblem(WhoopApiException error, WhoopOptions options) => error switch
    {
        WhoopNotConnectedException => NotConnected(options),
        WhoopReconnectRequiredException => ReconnectRequired(error.Message),
        _ => Problems.Create(StatusCodes.Status502BadGateway, "Whoop sync failed",
            $"{error.Message} Nothing was changed; try again in a few minutes."),
    };

    /// <summary>409: WHOOP refused to renew the connection (or its tokens can no longer be read).</summary>
    public static ProblemHttpResult ReconnectRequired(string reason) =>
        Problems.Create(StatusCodes.Status409Conflict, "Whoop connection expired",
            $"{reason} {WhoopAdvice.ReconnectStep}",
            new Dictionary<string, object?> { ["setup_url"] = ConnectPath, ["reconnect_required"] = true });

    private static async Task<Ok<WhoopStatusJson>> GetStatus(
        WhoopOptions options, WhoopTokenService tokens, WhoopReadService whoop, CancellationToken ct)
    {
        var lastSync = await whoop.GetLastSyncAsync(ct);
        var state = await tokens.GetStateAsync(ct);
        var message = WhoopAdvice.KindOf(options, state) switch
        {
            WhoopConnectionKind.Connected => "WHOOP is connected.",
            WhoopConnectionKind.ReconnectRequired => WhoopAdvice.ReconnectRequired,
            _ => WhoopAdvice.Missing(options),
        };
        return TypedResults.Ok(new WhoopStatusJson(
            Configured: options.HasClientCredentials || state.HasAccessToken,
            HasAccessToken: state.HasAccessToken,
            HasRefreshToken: state.HasRefreshToken,
            HasClientCredentials: options.HasClientCredentials,
            Authenticated: state.Connected,
            Message: message,
            Connected: state.Connected,
            WhoopUserId: state.WhoopUserId,
            TokenExpiresAt: state.ExpiresAt,
            LastSyncAt: lastSync?.LastSyncAt,
            Scopes: state.Scopes,
            ReconnectRequired: state.ReconnectRequired,
            ConnectUrl: options.HasClientCredentials ? ConnectPath : null,
            LastSyncStatus: lastSync?.Status,
            // Kept until a sync succeeds: the last failure stays visible after a reload.
            LastSyncError: lastSync is { Status: "failed" } ? lastSync.ErrorMessage : null));
    }

    private static ProblemHttpResult NoData(string error) =>
        Problems.NotFound(error, $"{error}. Connect WHOOP and refresh (POST /api/whoop/refresh) to sync your data.");

    /// <summary>409: nothing to sync with until WHOOP is connected (or configured).</summary>
    public static ProblemHttpResult NotConnected(WhoopOptions options) =>
        Problems.Create(StatusCodes.Status409Conflict, "Whoop API not connected", WhoopAdvice.Missing(options),
            new Dictionary<string, object?>
            {
                ["details"] = WhoopAdvice.Missing(options),
                ["setup_url"] = ConnectPath,
            });
}
