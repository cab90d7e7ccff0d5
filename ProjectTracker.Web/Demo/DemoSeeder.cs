using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.GitHub;

namespace ProjectTracker.Web.Demo;

/// <summary>
/// Connects the demo's WHOOP account to this run's simulator, then, once the app has started, fills the demo database
/// through the real sync: a GitHub refresh job and a WHOOP year.
/// </summary>
internal sealed class DemoSeeder(
    IHostApplicationLifetime lifetime, GitHubRefreshJobs github, Jobs.RefreshProgressHub progress, WhoopRefreshService whoop,
    WhoopTokenService whoopTokens, WhoopSimulatorServer whoopSimulator, TimeProvider time, ILogger<DemoSeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReconnectWhoopAsync(cancellationToken);
        lifetime.ApplicationStarted.Register(() => _ = SeedAsync(lifetime.ApplicationStopping));
    }

    /// <summary>
    /// The simulator starts afresh on every run and knows only its first token pair, while the demo database keeps the
    /// pair an earlier run's simulator last issued (after a "Connect WHOOP" or a renewal, tokens rotate): a second run
    /// would find its connection refused and ask for a reconnect. So every run connects again with the new simulator's
    /// tokens, as a sign-in would.
    /// </summary>
    private async Task ReconnectWhoopAsync(CancellationToken cancellationToken)
    {
        var simulator = whoopSimulator.State;
        await whoopTokens.SaveAsync(
            whoopUserId: null, simulator.AccessTokens.First(), simulator.RefreshTokens.First(), simulator.AccessTokenLifetimeSeconds,
            scopes: null, bootstrap: true, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken stopping)
    {
        try
        {
            var (job, _) = await github.StartAsync("demo", stopping);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var synced = await whoop.SyncDaysAsync(DateRange.LastDays(DemoMode.WhoopDays, today), "demo", stopping);
            var refreshed = await progress.WhenFinishedAsync(job.Id, stopping);
            logger.LogInformation("Demo: ready with {Repositories} repositories and {Records} WHOOP records",
                refreshed.RepositoriesProcessed, synced.Total);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Demo: filling the database failed");
        }
    }
}
