using System.Net;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>The owner's WHOOP quota: anonymous calls and overlapping syncs spend a handful of WHOOP requests, not one each.</summary>
public sealed class WhoopQuotaTests : ConnectedWhoopApp
{
    private int Requests(string pathStart) => Whoop.State.Requests.Count(r => r.PathAndQuery.StartsWith(pathStart, StringComparison.Ordinal));

    [Fact]
    public async Task ProfileAndAuthTest_FortyAnonymousCalls_CostAtMostAHandfulOfWhoopRequests()
    {
        var before = Requests("/developer/v2/user/profile");

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Client.GetAsync(i % 2 == 0 ? "/api/whoop/profile?refresh=true" : "/api/whoop/auth/test")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.InRange(Requests("/developer/v2/user/profile") - before, 1, 2);
    }

    [Fact]
    public async Task Sync_OverlappingRanges_CostOneSync()
    {
        // The widest first, and the others once it is asking WHOOP: a request its range covers joins it (one that came
        // first with a narrower range would be a sync of its own, rightly).
        var before = Whoop.State.Requests.Count;
        var widest = Client.PostAsync("/api/whoop/refresh?days=3650", null);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Whoop.State.Requests.Count == before && !widest.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Yield();
        }

        var answers = await Task.WhenAll(
            widest,
            Client.PostAsync("/api/whoop/refresh?days=3649", null),
            Client.PostAsync("/api/whoop/sync/incremental", null),
            Client.PostAsync("/api/whoop/refresh?days=30", null));
        var soonAfter = await Client.PostAsync("/api/whoop/refresh?days=7", null);

        // Ten years and 3649 days run as a background job (202, the second joining the first); the 30 days and the
        // incremental sync waited for that job (their ranges are in it), so everything has been fetched by now.
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.OK], answers.Select(a => a.StatusCode));
        var jobs = await Task.WhenAll(answers.Take(2).Select(a => JsonAssertions.ReadAsync(a, HttpStatusCode.Accepted)));
        Assert.Equal((string?)jobs[0]["job_id"], (string?)jobs[1]["job_id"]);
        Assert.False((bool?)jobs[1]["created"]);
        Assert.Equal(HttpStatusCode.OK, soonAfter.StatusCode);
        // One sync for all five requests: each 30-day part's first page of sleeps is asked once. A second sync would ask
        // for the newest part again (every range here ends today).
        var firstPages = Whoop.State.Requests
            .Where(r => r.PathAndQuery.StartsWith("/developer/v2/activity/sleep", StringComparison.Ordinal) && !r.PathAndQuery.Contains("nextToken", StringComparison.Ordinal))
            .Select(r => r.PathAndQuery).ToList();
        Assert.NotEmpty(firstPages);
        Assert.Equal(firstPages.Count, firstPages.Distinct().Count());
    }

    [Fact]
    public async Task Sync_SameRangeAfterAMinute_IsFetchedAgain()
    {
        await Client.PostAsync("/api/whoop/refresh?days=7", null);
        App.Clock.Advance(TimeSpan.FromSeconds(61));

        await Client.PostAsync("/api/whoop/refresh?days=7", null);

        Assert.Equal(2, Requests("/developer/v2/cycle"));
    }
}
