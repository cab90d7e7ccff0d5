using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// <c>POST /api/whoop/webhook</c>: WHOOP's push notifications. The signature (HMAC-SHA256 over the timestamp header and
/// the raw body, keyed with the client secret) is checked in constant time and stale timestamps are refused; the answer
/// is immediate, the record is fetched in a background job, and a repeated delivery (same <c>trace_id</c>) is ignored.
/// </summary>
public static class WhoopWebhooks
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RememberDeliveries = TimeSpan.FromDays(1);
    private static readonly string[] KnownTypes =
        ["workout.updated", "workout.deleted", "sleep.updated", "sleep.deleted", "recovery.updated", "recovery.deleted"];

    public static IEndpointRouteBuilder MapWhoopWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/whoop/webhook", ReceiveAsync)
            .WithTags("WHOOP")
            .WithSummary("WHOOP webhook deliveries (signed); the named record is synced in the background");
        return routes;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, WhoopOptions options, TimeProvider time, IMemoryCache deliveries, IBackgroundJobClient jobs, WhoopOwnership ownership)
    {
        if (options.ClientSecret is not { } secret)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "Whoop not configured",
                "Webhooks are verified with WHOOP_CLIENT_SECRET, which is not set.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var body = buffer.ToArray();
        var timestamp = (string?)request.Headers["X-WHOOP-Signature-Timestamp"];
        var signature = (string?)request.Headers["X-WHOOP-Signature"];
        if (!IsFresh(timestamp, time) || !SignatureMatches(secret, timestamp!, body, signature))
        {
            return Problems.Create(StatusCodes.Status401Unauthorized, "Invalid webhook signature",
                "The X-WHOOP-Signature does not match the body and X-WHOOP-Signature-Timestamp, or the timestamp is stale.");
        }

        WebhookEvent? delivery;
        try
        {
            delivery = JsonSerializer.Deserialize<WebhookEvent>(body, WhoopJson.Options);
        }
        catch (JsonException)
        {
            delivery = null;
        }

        if (delivery is not { Id.Length: > 0, TraceId.Length: > 0 } || !KnownTypes.Contains(delivery.Type))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "Unknown webhook", "The body is not a WHOOP webhook event this app handles.");
        }

        // Another member's event (another account that once authorized this WHOOP app) is not the owner's data.
        var owner = await ownership.OwnerIdAsync(request.HttpContext.RequestAborted);
        if (owner != delivery.UserId.ToString(CultureInfo.InvariantCulture))
        {
            return TypedResults.NoContent();
        }

        // WHOOP retries deliveries: one trace id is handled once.
        if (deliveries.TryGetValue($"whoop-webhook:{delivery.TraceId}", out _))
        {
            return TypedResults.NoContent();
        }

        deliveries.Set($"whoop-webhook:{delivery.TraceId}", true, RememberDeliveries);
        jobs.Enqueue<WhoopWebhookJob>(job => job.ApplyAsync(delivery.Type, delivery.Id, CancellationToken.None));
        return TypedResults.NoContent();
    }

    /// <summary>base64(HMAC-SHA256(key: client secret, message: timestamp then raw body)), compared in constant time.</summary>
    public static bool SignatureMatches(string secret, string timestamp, byte[] body, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = hmac.ComputeHash([.. Encoding.UTF8.GetBytes(timestamp), .. body]);
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public static string Sign(string secret, string timestamp, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(hmac.ComputeHash([.. Encoding.UTF8.GetBytes(timestamp), .. body]));
    }

    // WHOOP's timestamp is Unix epoch milliseconds.
    private static bool IsFresh(string? timestamp, TimeProvider time) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var millis)
        && millis is > 0 and < 253402300799999
        && (time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(millis)).Duration() <= MaxClockSkew;

    private sealed record WebhookEvent(long UserId, string Id, string Type, string TraceId);
}

/// <summary>The background half of a webhook: fetch (or delete) the named record.</summary>
public sealed class WhoopWebhookJob(WhoopRefreshService whoop, WhoopWebhookNotifications notifications)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task ApplyAsync(string type, string id, CancellationToken cancellationToken)
    {
        await whoop.ApplyEventAsync(type, id, cancellationToken);
        notifications.Applied(type, id);
    }
}

/// <summary>Tells this process's listeners (dashboards, tests) that a webhook event was applied.</summary>
public sealed class WhoopWebhookNotifications
{
    private readonly Jobs.Completions<bool> _applied = new();

    /// <summary>Raised after every applied event, so open WHOOP dashboards redraw.</summary>
    public event Action? Changed;

    public void Applied(string type, string id)
    {
        _applied.Complete($"{type}:{id}", true);
        Changed?.Invoke();
    }

    public Task WhenAppliedAsync(string type, string id) => _applied.WhenDone($"{type}:{id}");
}

/// <summary>The recurring sync of the last few days: webhooks can be missed, and cycles have none.</summary>
public sealed class WhoopScheduledSync(WhoopRangeSync whoop, TimeProvider time, ILogger<WhoopScheduledSync> logger)
{
    public const int Days = 3;

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync()
    {
        try
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            await whoop.SyncAsync(Domain.Time.DateRange.LastDays(Days, today), "scheduled", CancellationToken.None);
        }
        catch (WhoopNotConnectedException)
        {
            // Nothing to do until WHOOP is connected.
        }
        catch (WhoopApiException e)
        {
            logger.LogWarning("Scheduled WHOOP sync failed: {Message}", e.Message);
        }
    }
}
