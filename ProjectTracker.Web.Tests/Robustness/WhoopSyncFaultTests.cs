using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Simulators.Faults;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Robustness;

/// <summary>
/// Issue 7: a fault from the WHOOP simulator in the middle of a sync (the first page of recoveries read, the second
/// faulted) through POST /api/whoop/refresh ends in a completed sync after recovery, or a problem answer and a failed
/// sync status that name the cause; the stored data is as before or completely updated (never half of it); the pages
/// still answer; and the next sync without faults completes.
/// </summary>
public sealed class WhoopSyncFaultTests : IAsyncLifetime
{
    private const string Range = "days=30"; // two pages of each collection (25 a page)
    private const string Recovery = "/developer/v2/recovery";
    private const string TokenEndpoint = "/oauth/oauth2/token";
    // On the test's fake clock: a Slow fault (4×) times out when the test advances the clock by this, at once.
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(3);
    private const int Tries = WhoopApiClient.FailureAttempts;

    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(TrackerAppFactory.Now);
    private WhoopSimulatorServer _whoop = null!;
    private TrackerAppFactory _app = null!;
    private HttpClient _client = null!;

    /// <summary>Scenario → faults (path, fault, times) and the answer expected: 200, or a problem whose detail names the cause.</summary>
    private static readonly Dictionary<string, ((string Path, Fault Fault, int Times)[] Faults, HttpStatusCode Status, string? Error)> Scenarios = new()
    {
        // A transient failure is tried again (WhoopApiClient.FailureAttempts in all): once it passes, once it does not.
        ["500 once"] = ([(Recovery, Fault.Status(500), 1)], HttpStatusCode.OK, null),
        ["500"] = ([(Recovery, Fault.Status(500), Tries)], HttpStatusCode.BadGateway, "WHOOP answered 500"),
        ["timeout once"] = ([(Recovery, Fault.Slow(ClientTimeout * 4), 1)], HttpStatusCode.OK, null),
        ["timeout"] = ([(Recovery, Fault.Slow(ClientTimeout * 4), Tries)], HttpStatusCode.BadGateway, "timed out"),
        ["malformed JSON"] = ([(Recovery, Fault.MalformedJson, Tries)], HttpStatusCode.BadGateway, "malformed JSON"),
        ["truncated body"] = ([(Recovery, Fault.TruncatedBody, Tries)], HttpStatusCode.BadGateway, "broke off its answer"),
        ["429 burst"] = ([(Recovery, Fault.TooManyRequests(0), 3)], HttpStatusCode.OK, null),
        ["429 storm"] = ([(Recovery, Fault.TooManyRequests(0), 5)], HttpStatusCode.BadGateway, "429 Too Many Requests"),
        ["access token expired early"] = ([(Recovery, Fault.AccessTokenExpired, 1)], HttpStatusCode.OK, null),
        ["access revoked"] = ([(Recovery, Fault.AccessRevoked, 1)], HttpStatusCode.Conflict, "connect WHOOP again"),
        ["token endpoint 500"] =
            ([(Recovery, Fault.AccessTokenExpired, 1), (TokenEndpoint, Fault.Status(500), 1)], HttpStatusCode.BadGateway, "token endpoint answered 500"),
        ["token endpoint timeout"] =
            ([(Recovery, Fault.AccessTokenExpired, 1), (TokenEndpoint, Fault.Slow(ClientTimeout * 4), 1)], HttpStatusCode.BadGateway, "timed out"),
        ["token endpoint malformed JSON"] =
            ([(Recovery, Fault.AccessTokenExpired, 1), (TokenEndpoint, Fault.MalformedJson, 1)], HttpStatusCode.BadGateway, "malformed JSON"),
        ["token endpoint truncated body"] =
            ([(Recovery, Fault.AccessTokenExpired, 1), (TokenEndpoint, Fault.TruncatedBody, 1)], HttpStatusCode.BadGateway, "broke off its answer"),
    };

    public static TheoryData<string> ScenarioNames => [.. Scenarios.Keys];

    public async Task InitializeAsync()
    {
        _whoop = await WhoopSimulatorServer.StartAsync(_clock);
        WhoopDataGenerator.Populate(_whoop.State, days: 40);
        _app = new TrackerAppFactory(_database, new Dictionary<string, string?>
        {
            ["Whoop:ApiBaseUrl"] = _whoop.ApiBaseUrl.ToString(),
            ["Whoop:TokenEndpoint"] = _whoop.TokenEndpoint.ToString(),
            ["Whoop:RequestTimeout"] = ClientTimeout.ToString(),
            ["WHOOP_CLIENT_ID"] = _whoop.State.ClientId,
            ["WHOOP_CLIENT_SECRET"] = _whoop.State.ClientSecret,
            ["WHOOP_ACCESS_TOKEN"] = "whoop-access-token",
            ["WHOOP_REFRESH_TOKEN"] = "whoop-refresh-token",
        }, _clock);
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _whoop.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task Sync_FaultMidSync_CompletesOrFailsCleanly(string scenario)
    {
        var (faults, expectedStatus, error) = Scenarios[scenario];
        await RefreshAsync(HttpStatusCode.OK);
        var before = await SnapshotAsync();
        ChangeEveryRecord();

        foreach (var (path, fault, times) in faults)
        {
            _whoop.State.Faults.Add(path, fault, times, after: path == Recovery ? 1 : 0);
        }

        var answer = await _whoop.State.Faults.TimingOutHeldAsync(_clock, ClientTimeout, RefreshAsync(expectedStatus));
        var during = await SnapshotAsync();
        var status = await SyncStatusAsync();

        Assert.True(_whoop.State.Faults.Pending == 0, $"The faults were not all served: {_whoop.State.Faults.Pending} left.");
        if (error is null)
        {
            Assert.Equal("completed", status.Status);
        }
        else
        {
            var detail = (string?)answer["detail"];
            Assert.Contains(error, detail);
            Assert.Equal("failed", status.Status);
            Assert.StartsWith(status.ErrorMessage!, detail); // the status names the same cause as the answer did
        }

        await AssertPagesAnswerAsync();

        if (scenario == "access revoked")
        {
            await ReconnectAsync();
        }

        await RefreshAsync(HttpStatusCode.OK);
        var after = await SnapshotAsync();
        Assert.NotEqual(before, after);
        Assert.Equal("completed", (await SyncStatusAsync()).Status);
        // A sync writes all of the range or nothing of it.
        Assert.True(during.SequenceEqual(error is null ? after : before),
            $"The stored data after the fault is neither as before nor completely updated:\n{string.Join('\n', during.Except(before).Except(after).Take(10))}");
    }

    private async Task<System.Text.Json.Nodes.JsonNode> RefreshAsync(HttpStatusCode expected)
    {
        // More than a minute after the last sync, so this one reaches WHOOP instead of being answered from that one.
        _clock.Advance(TimeSpan.FromMinutes(2));
        using var response = await _client.PostAsync($"/api/whoop/refresh?{Range}", null);
        var body = await JsonAssertions.ReadAsync(response, expected);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return body;
    }

    /// <summary>WHOOP rescored every day: the next complete sync changes every stored cycle and recovery.</summary>
    private void ChangeEveryRecord()
    {
        foreach (var (id, cycle) in _whoop.State.Cycles)
        {
            _whoop.State.Cycles[id] = cycle with { Score = cycle.Score is { } s ? s with { Strain = s.Strain + 1 } : null };
        }

        foreach (var (id, recovery) in _whoop.State.Recoveries)
        {
            _whoop.State.Recoveries[id] = recovery with { Score = recovery.Score is { } s ? s with { RecoveryScore = s.RecoveryScore - 1 } : null };
        }
    }

    /// <summary>Every stored cycle, sleep, recovery and workout, by WHOOP id with its scores.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var rows = new List<string>();
        rows.AddRange((await db.WhoopCycles.AsNoTracking().ToListAsync()).Select(c => $"cycle {c.CycleId} {c.Date:yyyy-MM-dd} {c.Strain} {c.ScoreState}"));
        rows.AddRange((await db.WhoopRecoveries.AsNoTracking().ToListAsync()).Select(r => $"recovery {r.CycleId} {r.Date:yyyy-MM-dd} {r.RecoveryScore} {r.ScoreState}"));
        rows.AddRange((await db.WhoopSleeps.AsNoTracking().ToListAsync()).Select(s => $"sleep {s.SleepId} {s.Date:yyyy-MM-dd} {s.ScoreState}"));
        rows.AddRange((await db.WhoopWorkouts.AsNoTracking().ToListAsync()).Select(w => $"workout {w.WorkoutId} {w.Strain}"));
        Assert.True(rows.Count > 100, $"Only {rows.Count} rows: the range should hold about 30 days of each kind.");
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private async Task<Domain.Whoop.WhoopSyncStatus> SyncStatusAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.WhoopSyncStatuses.AsNoTracking().SingleAsync();
    }

    private async Task AssertPagesAnswerAsync()
    {
        foreach (var url in new[] { "/whoop", $"/whoop?{Range}", "/", "/api/whoop/status", $"/api/whoop/recovery?{Range}", "/api/whoop/metrics" })
        {
            using var response = await _client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
            Assert.DoesNotContain("unhandled exception", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The owner connects WHOOP again (as the sign-in callback would store the new pair).</summary>
    private async Task ReconnectAsync()
    {
        _whoop.State.AccessTokens.Add("whoop-access-again");
        _whoop.State.RefreshTokens.Add("whoop-refresh-again");
        await _app.Services.GetRequiredService<WhoopTokenService>()
            .SaveAsync(null, "whoop-access-again", "whoop-refresh-again", 3600, null, bootstrap: false, CancellationToken.None);
    }

    private IDbContextFactory<TrackerDbContext> Contexts => _app.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
}
