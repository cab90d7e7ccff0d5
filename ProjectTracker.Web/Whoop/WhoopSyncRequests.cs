using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// How the sync endpoints answer: a range of up to <see cref="LongestWaitedDays"/> days is synced while the request waits
/// (200 with the counts, the old app's answer); a longer one — <c>sync/full</c>, <c>days=365</c> — runs in the background
/// and answers 202 at once with its job's status URL, as the GitHub refresh does.
/// </summary>
public sealed class WhoopSyncRequests(WhoopRangeSync sync, WhoopSyncJobStore jobs, WhoopTokenService tokens, WhoopOptions options)
{
    /// <summary>Three parts of 30 days: about a dozen WHOOP requests, a few seconds.</summary>
    public const int LongestWaitedDays = 90;

    public static string StatusUrl(string jobId) => $"/api/whoop/sync/jobs/{jobId}";

    public async Task<Results<Ok<WhoopRefreshJson>, Accepted<WhoopSyncStartedJson>, ProblemHttpResult>> SyncAsync(
        DateRange range, string syncType, CancellationToken ct)
    {
        if (range.Days > LongestWaitedDays)
        {
            return await StartAsync(range, syncType, ct);
        }

        try
        {
            var synced = await sync.SyncAsync(range, syncType, ct);
            return TypedResults.Ok(new WhoopRefreshJson("Whoop data refreshed successfully", WhoopSyncedJson.From(synced), range.Days));
        }
        catch (WhoopApiException e)
        {
            return WhoopEndpoints.SyncProblem(e, options);
        }
    }

    private async Task<Results<Ok<WhoopRefreshJson>, Accepted<WhoopSyncStartedJson>, ProblemHttpResult>> StartAsync(
        DateRange range, string syncType, CancellationToken ct)
    {
        // A job that could only fail is not started: the caller learns why now, not from the status URL.
        var state = await tokens.GetStateAsync(ct);
        if (state.ReconnectRequired)
        {
            return WhoopEndpoints.ReconnectRequired("WHOOP refused to renew the connection.");
        }

        if (!state.Connected)
        {
            return WhoopEndpoints.NotConnected(options);
        }

        var started = await sync.StartAsync(range, syncType, ct);
        var job = await jobs.FindAsync(started.JobId, ct);
        var statusUrl = StatusUrl(started.JobId);
        var message = started.Created
            ? $"Whoop sync of {range.Days} days started; follow it at {statusUrl}"
            : "A sync covering these days is already queued, running or just finished; this is that job";
        return TypedResults.Accepted(statusUrl, new WhoopSyncStartedJson(
            message, started.JobId, job?.Status ?? WhoopSyncJobStatus.Queued, statusUrl, started.Created, range.Days));
    }
}
