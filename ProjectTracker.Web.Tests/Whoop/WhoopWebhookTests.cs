using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Web.Tests.Access;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>Signed WHOOP webhook deliveries: verified, answered at once, applied in a background job, deduplicated.</summary>
public sealed class WhoopWebhookTests : ConnectedWhoopApp
{
    private async Task<HttpResponseMessage> DeliverAsync(
        string type, string id, string traceId, DateTimeOffset? sentAt = null, string? secret = null, long userId = 10129)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"user_id":{{userId}},"id":"{{id}}","type":"{{type}}","trace_id":"{{traceId}}"}""");
        var timestamp = (sentAt ?? Now).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/whoop/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-WHOOP-Signature-Timestamp", timestamp);
        request.Headers.Add("X-WHOOP-Signature", WhoopWebhooks.Sign(secret ?? Whoop.State.ClientSecret, timestamp, body));
        return await Client.SendAsync(request);
    }

    private Task WhenAppliedAsync(string type, string id) =>
        App.Services.GetRequiredService<WhoopWebhookNotifications>().WhenAppliedAsync(type, id).WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Webhook_WorkoutUpdatedWithAGoodSignature_StoresTheWorkout()
    {
        Whoop.State.Workouts["w-1"] = new WhoopWorkoutRecord("w-1", 10129, Now, Now, Now.AddHours(-2), Now.AddHours(-1), "-05:00", "cycling",
            WhoopScoreState.Scored, new WhoopWorkoutScore(11.2, 140, 170, 2092, 100, 30_000, null, null), null);

        var response = await DeliverAsync("workout.updated", "w-1", "trace-1");
        await WhenAppliedAsync("workout.updated", "w-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var workout = Assert.Single((await Client.GetJsonAsync("/api/whoop/workouts")).AsArray())!;
        Assert.Equal("cycling", (string?)workout["sport_name"]);
        Assert.Equal(500, (double?)workout["calories"]);
    }

    [Fact]
    public async Task Webhook_RecoveryUpdated_IsReadThroughTheSleepsCycle()
    {
        var response = await DeliverAsync("recovery.updated", "s-1", "trace-2");
        await WhenAppliedAsync("recovery.updated", "s-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var recovery = Assert.Single((await Client.GetJsonAsync("/api/whoop/recovery")).AsArray())!;
        Assert.Equal(72, (double?)recovery["recovery_score"]);
        Assert.Equal("2026-03-15", (string?)recovery["date"]);
        Assert.Contains(Whoop.State.Requests, r => r.PathAndQuery == "/developer/v2/cycle/1/recovery");
    }

    [Fact]
    public async Task Webhook_SleepDeleted_RemovesTheSleep()
    {
        await Client.PostAsync("/api/whoop/refresh?days=2", null);

        await DeliverAsync("sleep.deleted", "s-1", "trace-3");
        await WhenAppliedAsync("sleep.deleted", "s-1");

        Assert.Empty((await Client.GetJsonAsync("/api/whoop/sleep")).AsArray());
    }

    [Fact]
    public async Task Webhook_ForAnotherMember_IsIgnored()
    {
        var requestsBefore = Whoop.State.Requests.Count;

        var response = await DeliverAsync("sleep.updated", "s-1", "trace-other", userId: 424242);
        var owners = await DeliverAsync("sleep.updated", "s-1", "trace-owner");
        await WhenAppliedAsync("sleep.updated", "s-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, owners.StatusCode);
        Assert.Equal(requestsBefore + 1, Whoop.State.Requests.Count); // only the owner's event fetched its sleep
    }

    [Fact]
    public async Task Webhook_SameTraceTwice_IsAppliedOnce()
    {
        await DeliverAsync("sleep.updated", "s-1", "trace-4");
        await WhenAppliedAsync("sleep.updated", "s-1");
        var requestsAfterFirst = Whoop.State.Requests.Count;

        var second = await DeliverAsync("sleep.updated", "s-1", "trace-4");

        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(requestsAfterFirst, Whoop.State.Requests.Count);
    }

    [Fact]
    public async Task Webhook_WrongSecret_IsRefused()
    {
        var before = Whoop.State.Requests.Count; // start-up read the imported tokens' profile

        var response = await DeliverAsync("sleep.updated", "s-1", "trace-5", secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, Whoop.State.Requests.Count);
    }

    [Fact]
    public async Task Webhook_TwoMegabytesUnsigned_Is413UnreadAndLogsNoError()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/whoop/webhook") { Content = new ByteArrayContent(new byte[2 * 1024 * 1024]) };

        var response = await Client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.DoesNotContain(App.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_SignedButOver64KilobytesWithoutALength_Is413()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"user_id":10129,"id":"s-1","type":"sleep.updated","trace_id":"t-big","pad":"{{new string('x', 70_000)}}"}""");
        var timestamp = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/whoop/webhook") { Content = new StreamContent(new MemoryStream(body)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-WHOOP-Signature-Timestamp", timestamp);
        request.Headers.Add("X-WHOOP-Signature", WhoopWebhooks.Sign(Whoop.State.ClientSecret, timestamp, body));

        var response = await Client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Webhook_StaleTimestamp_IsRefused()
    {
        var response = await DeliverAsync("sleep.updated", "s-1", "trace-6", sentAt: Now.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_TamperedBody_IsRefused()
    {
        var body = Encoding.UTF8.GetBytes("""{"user_id":10129,"id":"s-1","type":"sleep.deleted","trace_id":"t"}""");
        var timestamp = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = WhoopWebhooks.Sign(Whoop.State.ClientSecret, timestamp, Encoding.UTF8.GetBytes("{}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/whoop/webhook") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-WHOOP-Signature-Timestamp", timestamp);
        request.Headers.Add("X-WHOOP-Signature", signature);

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
