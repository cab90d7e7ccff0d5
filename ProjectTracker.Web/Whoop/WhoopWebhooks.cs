using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// <c>POST /api/whoop/webhook</c>: WHOOP's push notifications. The signature (HMAC-SHA256 over the timestamp header and
/// the raw body, keyed with the client secret) is checked in constant time and stale timestamps are refused; the answer
/// is immediate, the record is fetched in a background job, and a repeated delivery (same <c>trace_id</c>) is ignored.
/// </summary>
public static class WhoopWebhooks
{
    public const string Path = "/api/whoop/webhook";
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RememberDeliveries = TimeSpan.FromDays(1);

    /// <summary>The largest body read (a WHOOP event is under 200 bytes); anything longer is 413 unread.</summary>
    public const int MaxBodyBytes = 64 * 1024;
    private static readonly string[] KnownTypes =
        ["workout.updated", "workout.deleted", "sleep.updated", "sleep.deleted", "recovery.updated", "recovery.deleted"];

    public static IEndpointRouteBuilder MapWhoopWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, ReceiveAsync)
            .WithTags("WHOOP")
            .WithSummary("Webhook")
            .WithDescription("WHOOP webhook deliveries (signed); the named record is synced in the background.");
        return routes;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, WhoopOptions options, TimeProvider time, SharedStateStore deliveries, IBackgroundJobClient jobs, WhoopOwnership ownership)
    {
        if (options.ClientSecret is not { } secret)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "Whoop not configured",
                "Webhooks are verified with WHOOP_CLIENT_SECRET, which is not set.");
        }

        // Headers first: a declared size over the cap, or an unsigned or stale request, is refused before a byte of its
        // body is read.
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var timestamp = (string?)request.Headers["X-WHOOP-Signature-Timestamp"];
        var signature = (string?)request.Headers["X-WHOOP-Signature"];
        if (!IsFresh(timestamp, time) || string.IsNullOrEmpty(signature))
        {
            return InvalidSignature();
        }

        var (body, signed) = await ReadSignedAsync(request, secret, timestamp!, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return TooLarge();
        }

        if (!SignatureMatches(signed, signature))
        {
            return InvalidSignature();
        }

        return await AcceptAsync(body, deliveries, jobs, ownership, request.HttpContext.RequestAborted);
    }

    /// <summary>A signed body: the owner's event, new, is queued for its job; another member's, or a repeat, is ignored.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> AcceptAsync(
        byte[] body, SharedStateStore deliveries, IBackgroundJobClient jobs, WhoopOwnership ownership, CancellationToken aborted)
    {
        if (ParseEvent(body) is not { } delivery)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "Unknown webhook", "The body is not a WHOOP webhook event this app handles.");
        }

        // Another member's event (another account that once authorized this WHOOP app) is not the owner's data.
        var owner = await ownership.OwnerIdAsync(aborted);
        if (owner != delivery.UserId.ToString(CultureInfo.InvariantCulture))
        {
            return TypedResults.NoContent();
        }

        // WHOOP retries deliveries: one trace id is handled once, whichever instance receives it, also after a restart.
        if (!await deliveries.TryAddAsync($"whoop-webhook:{delivery.TraceId}", [1], RememberDeliveries, aborted))
        {
            return TypedResults.NoContent();
        }

        jobs.Enqueue<WhoopWebhookJob>(job => job.ApplyAsync(delivery.Type, delivery.Id, CancellationToken.None));
        return TypedResults.NoContent();
    }

    /// <summary>The event in the body, or null when it is not JSON or not an event this app handles.</summary>
    private static WebhookEvent? ParseEvent(byte[] body)
    {
        WebhookEvent? delivery;
        try
        {
            delivery = JsonSerializer.Deserialize<WebhookEvent>(body, WhoopJson.Options);
        }
        catch (JsonException)
        {
            delivery = null;
        }

        return delivery is { Id.Length: > 0, TraceId.Length: > 0 and <= 100 } && KnownTypes.Contains(delivery.Type) ? delivery : null;
    }

    /// <summary>
    /// Reads at most <see cref="MaxBodyBytes"/> of the body, feeding the signature's HMAC as it reads; null body when
    /// there is more (the rest is never read). Answers the body and the HMAC (over the timestamp, then the body).
    /// </summary>
    private static async Task<(byte[]? Body, byte[] Signed)> ReadSignedAsync(HttpRequest request, string secret, string timestamp, CancellationToken ct)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        var body = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(length), ct)) > 0)
        {
            hmac.AppendData(body, length, read);
            length += read;
        }

        return length > MaxBodyBytes ? (null, []) : (body[..length], hmac.GetHashAndReset());
    }

    private static ProblemHttpResult InvalidSignature() =>
        Problems.Create(StatusCodes.Status401Unauthorized, "Invalid webhook signature",
            "The X-WHOOP-Signature does not match the body and X-WHOOP-Signature-Timestamp, or the timestamp is stale.");

    private static ProblemHttpResult TooLarge() =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "Webhook too large",
            $"A WHOOP webhook is a small JSON object; this one is over {MaxBodyBytes / 1024} KB.");

    /// <summary>Compares an HMAC with the base64 signature in constant time.</summary>
    private static bool SignatureMatches(byte[] expected, string? signature)
    {
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature ?? "");
        }
        catch (FormatException)
        {
            return false;
        }

        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>base64(HMAC-SHA256(key: client secret, message: timestamp then raw body)): how WHOOP signs.</summary>
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
