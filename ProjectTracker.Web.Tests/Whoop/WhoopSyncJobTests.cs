using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Simulators.Faults;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>Long WHOOP backfills as background jobs: 202 with a status URL, progress in parts, what a failure kept.</summary>
public class WhoopSyncJobTests : ConnectedWhoopApp
{
    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Waits for the job of this range by joining it (a sync whose range covers another's is that sync).</summary>
    private Task JoinAsync(DateRange range) =>
        App.Services.GetRequiredService<WhoopRangeSync>().SyncAsync(range, "test", CancellationToken.None);

    private async Task<JsonNode> StartAsync(string url)
    {
        var response = await Client.PostAsync(url, null);
        var started = await JsonAssertions.ReadAsync(response, HttpStatusCode.Accepted);
        Assert.Equal((string?)started["check_status_url"], response.Headers.Location?.OriginalString);
        return started;
    }

    [Fact]
    public async Task Refresh_OverNinetyDays_Answers202AndTheJobSaysWhatItStored()
    {
        PopulateWhoop(days: 200);

        var started = await StartAsync("/api/whoop/refresh?days=365");
        await JoinAsync(DateRange.LastDays(365, Today));
        var job = await Client.GetJsonAsync((string)started["check_status_url"]!);
        var listed = (await Client.GetJsonAsync("/api/whoop/sync/jobs?limit=1")).AsArray();

        Assert.True((bool?)started["created"]);
        Assert.Equal(365, (int?)started["period_days"]);
        Assert.Equal((string?)started["job_id"], (string?)job["id"]);
        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal("manual", (string?)job["sync_type"]);
        Assert.Equal(Today.AddDays(-364).ToString("yyyy-MM-dd"), (string?)job["start_date"]);
        Assert.Equal(13, (int?)job["parts_total"]); // 365 days in parts of 30
        Assert.Equal((int?)job["parts_total"], (int?)job["parts_done"]);
        Assert.Equal(100, (double?)job["progress"]);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        Assert.Equal(await db.WhoopCycles.CountAsync(), (int?)job["synced"]!["cycles"]);
        Assert.Equal(await db.WhoopSleeps.CountAsync(), (int?)job["synced"]!["sleep"]);
        var stored = await db.WhoopCycles.CountAsync() + await db.WhoopSleeps.CountAsync() + await db.WhoopRecoveries.CountAsync()
                     + await db.WhoopWorkouts.CountAsync();
        Assert.True(stored > 200, $"200 days of data, {stored} records");
        Assert.Equal(stored, (int?)job["total_records"]);
        Assert.Equal((string?)job["id"], (string?)listed.Single()!["id"]);
        // One Information line says what the sync did.
        var line = Assert.Single(App.Logs.Lines, l => l.StartsWith("Information ProjectTracker.Domain.Whoop.Sync.WhoopSyncService", StringComparison.Ordinal));
        Assert.Contains($"WHOOP sync (manual) completed", line);
        Assert.Contains($": {stored} records (", line);
        Assert.Contains("in 13 parts;", line);
        Assert.Matches(@"; [1-9]\d* requests", line);
    }

    [Fact]
    public async Task SyncFull_RunsInTheBackground_AndTheOldShortRefreshStillWaits()
    {
        var full = await StartAsync("/api/whoop/sync/full");
        await JoinAsync(new DateRange(new DateOnly(2012, 1, 1), Today));
        var shortRefresh = await Client.GetJsonAsync("/api/whoop/status"); // any read between
        var week = await Client.PostAsync("/api/whoop/refresh?days=7", null);
        var job = await Client.GetJsonAsync((string)full["check_status_url"]!);

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal("full", (string?)job["sync_type"]);
        Assert.Equal("2012-01-01", (string?)job["start_date"]);
        Assert.NotNull(shortRefresh["connected"]);
        // The old answer for a short range: the counts, at once (here from the full sync a moment ago).
        var answer = await JsonAssertions.ReadAsync(week, HttpStatusCode.OK);
        Assert.Equal("Whoop data refreshed successfully", (string?)answer["message"]);
        Assert.Equal(1, (int?)answer["synced"]!["sleep"]);
    }

    [Fact]
    public async Task Refresh_OutageInTheMiddleOfABackgroundJob_JobFailsKeepingTheNewerParts()
    {
        PopulateWhoop(days: 400);
        Whoop.State.Faults.Add("/developer/v2/", Fault.Status(503), times: 1000, after: 25);

        var started = await StartAsync("/api/whoop/refresh?days=400");
        await Assert.ThrowsAnyAsync<Exception>(() => JoinAsync(DateRange.LastDays(400, Today)));
        var job = await Client.GetJsonAsync((string)started["check_status_url"]!);
        var status = await Client.GetJsonAsync("/api/whoop/sync/status");

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Contains("503", (string?)job["error_message"]);
        Assert.InRange((int)job["parts_done"]!, 1, (int)job["parts_total"]! - 1);
        Assert.True((int?)job["synced"]!["cycles"] > 0, "the parts committed before the outage are counted");
        Assert.True((int?)status["database_counts"]!["cycles"] >= (int?)job["synced"]!["cycles"]);
        Assert.NotNull(status["last_sync"]!["missing_from"]);
        Assert.Contains(App.Logs.Lines, l => l.StartsWith("Warning ProjectTracker.Domain.Whoop.Sync.WhoopSyncService", StringComparison.Ordinal)
                                             && l.Contains("WHOOP sync (manual) failed after", StringComparison.Ordinal) && l.Contains("503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refresh_LongRangeWhileNotConnected_Is409AndStartsNothing()
    {
        Whoop.State.AccessTokens.Clear();
        Whoop.State.RefreshTokens.Clear(); // WHOOP refuses to renew: reconnect needed

        await Client.PostAsync("/api/whoop/refresh?days=2", null); // finds out
        var answer = await Client.PostAsync("/api/whoop/refresh?days=365", null);
        var jobs = (await Client.GetJsonAsync("/api/whoop/sync/jobs")).AsArray();

        var problem = await JsonAssertions.ReadAsync(answer, HttpStatusCode.Conflict);
        Assert.True((bool?)problem["reconnect_required"]);
        Assert.DoesNotContain(jobs, j => (int?)j!["period_days"] == 365);
    }

    [Fact]
    public async Task SyncJob_UnknownAndBadLimit_AreClearProblems()
    {
        var unknown = await Client.GetJsonAsync("/api/whoop/sync/jobs/no-such-job", HttpStatusCode.NotFound);
        var badLimit = await Client.GetJsonAsync("/api/whoop/sync/jobs?limit=0", HttpStatusCode.BadRequest);

        JsonAssertions.AssertProblem(unknown, 404);
        Assert.Contains("/api/whoop/sync/jobs", (string?)unknown["detail"]);
        JsonAssertions.AssertProblem(badLimit, 400);
        Assert.Contains("limit", badLimit.ToJsonString());
    }

    [Fact]
    public async Task SyncJobs_ManySyncs_KeepTheNewestHundred()
    {
        var store = App.Services.GetRequiredService<WhoopSyncJobStore>();
        for (var i = 0; i < WhoopSyncJobStore.Kept + 3; i++)
        {
            await store.CreateAsync($"job-{i}", DateRange.LastDays(2, Today), "scheduled", CancellationToken.None);
            App.Clock.Advance(TimeSpan.FromHours(1));
        }

        var listed = await store.ListAsync(1000, CancellationToken.None);

        Assert.Equal(WhoopSyncJobStore.Kept, listed.Count);
        Assert.Equal($"job-{WhoopSyncJobStore.Kept + 2}", listed[0].Id);
        Assert.Equal("job-3", listed[^1].Id);
    }

    [Fact]
    public async Task SyncJob_LeftRunningByAStoppedProcess_ReadsAsInterrupted()
    {
        var contexts = App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
        var then = App.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.WhoopSyncJobs.Add(new WhoopSyncJob
            {
                Id = "cut-off", SyncType = "full", Status = WhoopSyncJobStatus.Running, FirstDay = Today.AddDays(-999), LastDay = Today,
                CreatedAt = then, StartedAt = then, UpdatedAt = then, PartsDone = 4, PartsTotal = 34,
            });
            await db.SaveChangesAsync();
        }

        var running = await Client.GetJsonAsync("/api/whoop/sync/jobs/cut-off");
        App.Clock.Advance(TimeSpan.FromMinutes(31));
        var later = await Client.GetJsonAsync("/api/whoop/sync/jobs/cut-off");

        Assert.Equal("running", (string?)running["status"]);
        Assert.Equal(11.8, (double?)running["progress"]);
        Assert.Equal("failed", (string?)later["status"]);
        Assert.Contains("stopped during this sync", (string?)later["error_message"]);
    }
}

/// <summary>The same jobs on PostgreSQL (<c>whoop_sync_job</c>'s dates and the pruning query).</summary>
public sealed class PostgresWhoopSyncJobTests : WhoopSyncJobTests
{
    protected override ITestDatabase CreateDatabase() => PostgresTestDatabase.Migrated();
}
