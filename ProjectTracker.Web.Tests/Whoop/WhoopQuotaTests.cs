using System.Net;

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
        var answers = await Task.WhenAll(
            Client.PostAsync("/api/whoop/refresh?days=3650", null),
            Client.PostAsync("/api/whoop/refresh?days=3649", null),
            Client.PostAsync("/api/whoop/sync/incremental", null),
            Client.PostAsync("/api/whoop/refresh?days=30", null));
        var soonAfter = await Client.PostAsync("/api/whoop/refresh?days=7", null);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, soonAfter.StatusCode);
        // One sync for all five requests: the stored nights fall in its newest two 30-day parts, each read once (five
        // syncs would read sleeps at least five times); older parts are skipped after one look for anything older.
        Assert.InRange(Requests("/developer/v2/activity/sleep"), 1, 2);
        Assert.InRange(Requests("/developer/v2/cycle"), 1, 4);
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
