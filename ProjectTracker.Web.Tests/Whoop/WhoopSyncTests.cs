using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Simulators.Faults;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>The WHOOP sync over real HTTP against the WHOOP simulator, into a real (SQLite) database.</summary>
public sealed class WhoopSyncTests : IAsyncLifetime
{
    private const string Token = "whoop-access-token";
    private static readonly DateTimeOffset Now = TrackerAppFactory.Now;

    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private WhoopSimulatorServer _whoop = null!;
    private TrackerAppFactory _app = null!;
    private WhoopSyncService _sync = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _whoop = await WhoopSimulatorServer.StartAsync(_clock);
        // The clock stands still, so every request falls in one rate-limit minute: a 429 would wait forever for a reset.
        _whoop.State.RequestsPerMinute = 10_000;
        _app = new TrackerAppFactory(_database, clock: _clock);
        _http = new HttpClient();
        var options = new WhoopOptions { ApiBaseUrl = _whoop.ApiBaseUrl, RetryBackOff = TimeSpan.Zero }; // the clock stands still
        _sync = new WhoopSyncService(Contexts, new WhoopApiClient(_http, options, new WhoopRateLimiter(_clock)), _clock,
            NullLogger<WhoopSyncService>.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _whoop.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>The last <paramref name="days"/> UTC days up to the test's "now".</summary>
    private static DateRange LastDays(int days) => DateRange.LastDays(days, DateOnly.FromDateTime(Now.UtcDateTime));

    private IDbContextFactory<TrackerDbContext> Contexts => _app.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>();

    private void AddNight(long cycleId, DateTimeOffset sleepStart, string offset, double? recoveryScore = 70, string state = WhoopScoreState.Scored)
    {
        var sleepId = $"00000000-0000-0000-0000-{cycleId:D12}";
        var scored = state == WhoopScoreState.Scored;
        _whoop.State.Cycles[cycleId] = new WhoopCycleRecord(cycleId, 10129, sleepStart, sleepStart, sleepStart, sleepStart.AddHours(24), offset,
            state, scored ? new WhoopCycleScore(10.5, 8368, 60, 150) : null);
        _whoop.State.Sleeps[sleepId] = new WhoopSleepRecord(sleepId, cycleId, 10129, sleepStart, sleepStart, sleepStart, sleepStart.AddHours(8),
            offset, false, state, scored ? new WhoopSleepScore(new WhoopSleepStageSummary(28_800_000, 1_800_000, 0, 14_400_000, 5_400_000, 7_200_000, 4, 10),
                new WhoopSleepNeeded(28_000_000, 0, 0, 0), 15.5, 90, 85, 93) : null);
        _whoop.State.Recoveries[cycleId] = new WhoopRecoveryRecord(cycleId, sleepId, 10129, sleepStart.AddHours(8), sleepStart.AddHours(8), state,
            scored && recoveryScore is { } score ? new WhoopRecoveryScore(false, score, 55, 62.5, 97, 33.4) : null);
    }

    [Fact]
    public async Task Sync_SixtyNights_ReadsEveryPageAndStoresEveryRecord()
    {
        for (var i = 0; i < 60; i++)
        {
            AddNight(1000 + i, Now.AddDays(-i - 1).AddHours(-8), "-05:00");
        }

        var result = await _sync.SyncDaysAsync(DateRange.LastDays(90, DateOnly.FromDateTime(Now.UtcDateTime)), Token, "manual", CancellationToken.None);

        Assert.Equal(new WhoopSyncResult(60, 60, 0, 60), result);
        // 90 days read page by page with one start and end (as WHOOP asks), 25 a page: 60 cycles are three pages,
        // however the days fall into the parts of 30 that are written.
        var cycleRequests = _whoop.State.Requests.Where(r => r.PathAndQuery.StartsWith("/developer/v2/cycle", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, cycleRequests.Count);
        var window = Assert.Single(cycleRequests.Select(r => Window(r.PathAndQuery)).Distinct());
        Assert.InRange(window.End - window.Start, TimeSpan.FromDays(90), TimeSpan.FromDays(91.2));
        Assert.All(_whoop.State.Requests, r => Assert.Contains("limit=25", r.PathAndQuery));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(60, await db.WhoopCycles.CountAsync());
        Assert.Equal(60, await db.WhoopRecoveries.CountAsync());
        var status = await db.WhoopSyncStatuses.SingleAsync();
        Assert.Equal("completed", status.Status);
        Assert.Equal(180, status.RecordsSynced);
    }

    [Fact]
    public async Task Sync_Twice_NeverDuplicates()
    {
        AddNight(1, Now.AddDays(-1), "Z");
        var days = DateRange.LastDays(7, DateOnly.FromDateTime(Now.UtcDateTime));

        await _sync.SyncDaysAsync(days, Token, "manual", CancellationToken.None);
        await _sync.SyncDaysAsync(days, Token, "manual", CancellationToken.None);

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.WhoopSleeps.CountAsync());
        Assert.Equal(1, await db.WhoopRecoveries.CountAsync());
    }

    [Theory]
    [InlineData("-08:00", "2026-03-10T06:00:00Z", "2026-03-10")] // 22:00 local on the 9th → wakes 06:00 local on the 10th
    [InlineData("+09:00", "2026-03-09T13:00:00Z", "2026-03-10")] // 22:00 local on the 9th → wakes 06:00 local on the 10th
    public async Task Sync_AtNegativeAndPositiveOffsets_FilesRecordsOnTheLocalDay(string offset, string sleepStartUtc, string expectedDay)
    {
        AddNight(7, DateTimeOffset.Parse(sleepStartUtc), offset);

        await _sync.SyncDaysAsync(LastDays(10), Token, "manual", CancellationToken.None);

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(expectedDay, (await db.WhoopSleeps.SingleAsync()).Date.ToString("yyyy-MM-dd"));
        Assert.Equal(expectedDay, (await db.WhoopRecoveries.SingleAsync()).Date.ToString("yyyy-MM-dd"));
        Assert.Equal(expectedDay, (await db.WhoopCycles.SingleAsync()).Date!.Value.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task Sync_PendingThenScored_FillsTheRecordInLater()
    {
        AddNight(5, Now.AddDays(-1), "Z", state: WhoopScoreState.Pending);
        await _sync.SyncDaysAsync(LastDays(3), Token, "manual", CancellationToken.None);
        AddNight(5, Now.AddDays(-1), "Z", recoveryScore: 81);

        await _sync.SyncDaysAsync(LastDays(3), Token, "manual", CancellationToken.None);

        await using var db = await Contexts.CreateDbContextAsync();
        var recovery = await db.WhoopRecoveries.SingleAsync();
        Assert.Equal(WhoopScoreState.Scored, recovery.ScoreState);
        Assert.Equal(81, recovery.RecoveryScore);
    }

    [Fact]
    public async Task Sync_TooManyRequestsMidSync_BacksOffAndCompletes()
    {
        for (var i = 0; i < 30; i++)
        {
            AddNight(2000 + i, Now.AddDays(-i - 1), "Z");
        }

        _whoop.State.Faults.Add("/developer/v2/activity/sleep", Fault.TooManyRequests(retryAfterSeconds: 0));

        var result = await _sync.SyncDaysAsync(LastDays(40), Token, "manual", CancellationToken.None);

        Assert.Equal(30, result.Sleep);
        Assert.Contains(_whoop.State.Requests, r => r.StatusCode == 429);
    }

    [Fact]
    public async Task Sync_OneServerError_IsRetriedAndTheSyncCompletes()
    {
        AddNight(9, Now.AddDays(-1), "Z");
        _whoop.State.Faults.Add("/developer/v2/recovery", Fault.Status(500));

        var result = await _sync.SyncDaysAsync(LastDays(3), Token, "manual", CancellationToken.None);

        Assert.Equal(1, result.Recovery);
        Assert.Equal(2, _whoop.State.Requests.Count(r => r.PathAndQuery.StartsWith("/developer/v2/recovery", StringComparison.Ordinal)));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal("completed", (await db.WhoopSyncStatuses.SingleAsync()).Status);
    }

    [Fact]
    public async Task Sync_OutageAfter25RequestsOfA400DayBackfill_KeepsTheNewerPartsSaysWhatIsMissingAndTheNextSyncFillsIt()
    {
        WhoopDataGenerator.Populate(_whoop.State, days: 400);
        var days = DateRange.LastDays(400, DateOnly.FromDateTime(Now.UtcDateTime));
        _whoop.State.Faults.Add("/developer/v2/", Fault.Status(503), times: 1000, after: 25);

        await Assert.ThrowsAsync<WhoopApiException>(() => _sync.SyncDaysAsync(days, Token, "full", CancellationToken.None));

        WhoopSyncStatus failed;
        List<DateTime?> keptDays;
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            failed = await db.WhoopSyncStatuses.AsNoTracking().SingleAsync();
            keptDays = await db.WhoopCycles.Select(c => c.Date).ToListAsync();
        }

        Assert.Equal("failed", failed.Status);
        Assert.Contains("503", failed.ErrorMessage);
        Assert.NotEmpty(keptDays); // the newest parts were committed before the outage
        Assert.True(failed.RecordsSynced > 0);
        Assert.NotNull(failed.MissingFrom);
        Assert.NotNull(failed.MissingUntil);
        Assert.True(failed.MissingFrom <= days.From, $"missing from {failed.MissingFrom:o}");
        Assert.True(keptDays.Min() >= failed.MissingUntil!.Value.AddDays(-2), "what was kept is newer than what is missing");

        _whoop.State.Faults.Clear();
        // The next sync, of two days only, fetches the missing ones too.
        await _sync.SyncDaysAsync(DateRange.LastDays(2, DateOnly.FromDateTime(Now.UtcDateTime)), Token, "scheduled", CancellationToken.None);

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var status = await db.WhoopSyncStatuses.AsNoTracking().SingleAsync();
            Assert.Equal("completed", status.Status);
            Assert.Null(status.MissingFrom);
            Assert.Null(status.MissingUntil);
            Assert.Equal(_whoop.State.Cycles.Count, await db.WhoopCycles.CountAsync());
            Assert.Equal(_whoop.State.Sleeps.Count, await db.WhoopSleeps.CountAsync());
        }
    }

    [Fact]
    public async Task Sync_ServerErrorEveryTry_WritesNothingAndRecordsTheFailure()
    {
        AddNight(9, Now.AddDays(-1), "Z");
        _whoop.State.Faults.Add("/developer/v2/recovery", Fault.Status(500), times: WhoopApiClient.FailureAttempts);

        var error = await Assert.ThrowsAsync<WhoopApiException>(() =>
            _sync.SyncDaysAsync(LastDays(3), Token, "manual", CancellationToken.None));

        Assert.Contains("500", error.Message);
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.WhoopCycles.CountAsync());
        Assert.Equal(0, await db.WhoopSleeps.CountAsync());
        var status = await db.WhoopSyncStatuses.SingleAsync();
        Assert.Equal("failed", status.Status);
        Assert.Contains("500", status.ErrorMessage);
    }

    [Fact]
    public async Task Sync_TokenRefused_Throws401WithoutWriting()
    {
        AddNight(3, Now.AddDays(-1), "Z");

        await Assert.ThrowsAsync<WhoopUnauthorizedException>(() =>
            _sync.SyncDaysAsync(LastDays(3), "expired-token", "manual", CancellationToken.None));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.WhoopSleeps.CountAsync());
    }

    [Fact]
    public async Task Sync_GeneratedYear_StoresEverythingInAboutOneRequestPer25Records()
    {
        WhoopDataGenerator.Populate(_whoop.State, days: 365);
        var state = _whoop.State;

        var result = await _sync.SyncDaysAsync(LastDays(370), Token, "full", CancellationToken.None);

        Assert.Equal(new WhoopSyncResult(state.Recoveries.Count, state.Sleeps.Count, state.Workouts.Count, state.Cycles.Count), result);
        // Full pages of 25 and one last page per collection, whatever the parts of 30 days written.
        var pages = (int)Math.Ceiling(state.Cycles.Count / 25.0) + (int)Math.Ceiling(state.Sleeps.Count / 25.0)
                    + (int)Math.Ceiling(state.Recoveries.Count / 25.0) + (int)Math.Ceiling(state.Workouts.Count / 25.0);
        Assert.Equal(pages, _whoop.State.Requests.Count);
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Contains(await db.WhoopSleeps.Select(s => s.IsNap).ToListAsync(), nap => nap);
        Assert.Contains(WhoopScoreState.Pending, await db.WhoopRecoveries.Select(r => r.ScoreState).ToListAsync());
        Assert.Contains("+01:00", await db.WhoopCycles.Select(c => c.TimezoneOffset).ToListAsync());
        Assert.Equal(365, await db.WhoopCycles.Select(c => c.Date).Distinct().CountAsync()); // one cycle per local day, none doubled
    }

    [Fact]
    public void Generator_SameSeed_SameHistory()
    {
        var first = new WhoopSimulatorState(_clock);
        var second = new WhoopSimulatorState(_clock);

        WhoopDataGenerator.Populate(first, 30, seed: 3);
        WhoopDataGenerator.Populate(second, 30, seed: 3);

        Assert.Equal(first.Sleeps.Keys.Order(), second.Sleeps.Keys.Order());
        Assert.Equal(first.Workouts.Count, second.Workouts.Count);
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Window(string pathAndQuery)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + pathAndQuery).Query);
        return (DateTimeOffset.Parse(query["start"]!, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(query["end"]!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
