using System.Diagnostics;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;
using ProjectTracker.Domain.Net;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Simulators.Faults;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Simulators.Whoop;

namespace ProjectTracker.Web.Tests.Robustness;

/// <summary>
/// The clients' timeouts on the real clock, over real loopback HTTP: what production runs. The fault tests time requests
/// out on a fake clock (<see cref="HeldRequests"/>); these keep the wire path and the system timer covered, with a short
/// timeout and a simulator that holds every attempt for longer. A first request that passes warms both sides up (JIT, the
/// connection), so on a loaded machine the held ones still reach the simulator well within the timeout.
/// </summary>
public sealed class SyncFaultRealClockTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);
    private static readonly Fault Hang = Fault.Slow(TimeSpan.FromSeconds(30));

    // .NET's timers count whole milliseconds and may fire up to one early by a Stopwatch (CI saw 2.9987 s for three 1-s
    // timeouts); 15 ms an attempt is far below a skipped attempt (a whole second), which is what the check is for.
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(15);

    [Fact]
    public async Task GitHubApi_NoAnswerWithinTheTimeout_FailsAfterEveryAttemptTimedOut()
    {
        await using var github = await GitHubSimulatorServer.StartAsync();
        var options = new GitHubOptions
        {
            ApiBaseUrl = github.BaseAddress, AccessToken = "test-token", RequestTimeout = ShortTimeout, RetryDelay = TimeSpan.Zero,
        };
        using var api = new GitHubApi(options, new NoCache(), TimeProvider.System, _ => Task.CompletedTask);
        await api.GetCurrentUserAsync(CancellationToken.None);
        github.State.Faults.Add("/user", Hang, options.RequestAttempts);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GitHubSyncException>(() => api.GetCurrentUserAsync(CancellationToken.None));

        Assert.Equal("GitHub did not answer within 1 s (timed out) while reading the signed-in user, 3 times. GitHub may be having trouble; try the refresh again later.", error.Message);
        Assert.Equal(0, github.State.Faults.Pending);
        Assert.True(watch.Elapsed >= (ShortTimeout - TimerSlack) * options.RequestAttempts, $"Gave up after {watch.Elapsed}: sooner than the timeouts.");
    }

    [Fact]
    public async Task WhoopApiClient_NoAnswerWithinTheTimeout_FailsAfterEveryAttemptTimedOut()
    {
        await using var whoop = await WhoopSimulatorServer.StartAsync();
        // As the app builds its "whoop" client (WhoopServiceCollectionExtensions), on the system clock.
        using var http = new HttpClient(new RequestTimeoutHandler(ShortTimeout, TimeProvider.System) { InnerHandler = new SocketsHttpHandler() })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var options = new WhoopOptions { ApiBaseUrl = whoop.ApiBaseUrl, RetryBackOff = TimeSpan.Zero };
        var client = new WhoopApiClient(http, options, new WhoopRateLimiter(TimeProvider.System));
        await client.GetProfileAsync("whoop-access-token", CancellationToken.None);
        whoop.State.Faults.Add("/developer/v2/user/profile/basic", Hang, WhoopApiClient.FailureAttempts);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<WhoopApiException>(() => client.GetProfileAsync("whoop-access-token", CancellationToken.None));

        Assert.Equal("WHOOP did not answer in time (the request timed out) for user/profile/basic.", error.Message);
        Assert.Equal(0, whoop.State.Faults.Pending);
        Assert.True(watch.Elapsed >= (ShortTimeout - TimerSlack) * WhoopApiClient.FailureAttempts, $"Gave up after {watch.Elapsed}: sooner than the timeouts.");
    }

    /// <summary>Nothing kept: the calls here are not conditional.</summary>
    private sealed class NoCache : IGitHubHttpCache
    {
        public Task<GitHubHttpCacheEntry?> FindAsync(string url, CancellationToken cancellationToken) => Task.FromResult<GitHubHttpCacheEntry?>(null);

        public Task StoreAsync(GitHubHttpCacheEntry entry, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PruneAsync(Func<string, bool> keep, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
