using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>The old app's WHOOP answers built from what is stored (API_COMPAT.md), including when nothing is.</summary>
public sealed class WhoopCompatibilityJsonTests
{
    [Fact]
    public void Profile_FromTheStoredOne_CopiesEveryField_AndSaysWhereItCameFrom()
    {
        var updated = new DateTime(2026, 3, 14, 8, 0, 0, DateTimeKind.Utc);
        var stored = new WhoopProfile
        {
            UserId = "10129", FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com", UpdatedAt = updated,
            HeightMeter = 1.7, WeightKilogram = 60.5, MaxHeartRate = 190,
        };

        Assert.Equal(
            new WhoopProfileJson("10129", "Ada", "Lovelace", "ada@example.com", updated, "cache", 1.7, 60.5, 190),
            WhoopProfileJson.From(stored, "cache"));
    }

    [Fact]
    public void Profile_WithNoneStored_IsEmptyButStillSaysItsSource()
    {
        Assert.Equal(new WhoopProfileJson(null, null, null, null, null, "api", null, null, null), WhoopProfileJson.From(null, "api"));
    }

    [Fact]
    public void TodayRefresh_SkippedOrFailed_KeepsTheCachedDataMessage_WithTheReason_AndNoCounts()
    {
        var skipped = TodayRefreshJson.Skipped("not_connected");
        var failed = TodayRefreshJson.Failed("WHOOP answered 503");

        Assert.Equal(new TodayRefreshJson("skipped", TodayRefreshJson.CachedDataMessage, Reason: "not_connected"), skipped);
        Assert.Equal(new TodayRefreshJson("error", TodayRefreshJson.CachedDataMessage, Reason: "WHOOP answered 503"), failed);
        Assert.Null(failed.Synced);
        Assert.Null(failed.TotalRecords);
    }
}
