using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.Goals;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop.Import;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.GitHub;

namespace ProjectTracker.Web.Demo;

/// <summary>
/// Connects the demo's WHOOP account to this run's simulator, then, once the app has started, fills the demo database
/// through the real sync: a GitHub refresh job and a WHOOP year; then the year's WHOOP export with a journal through the
/// real import (the synced records are skipped, the journal arrives) and a few own tags, so the habits show; and goals,
/// unless an earlier run's owner set their own.
/// </summary>
internal sealed class DemoSeeder(
    IHostApplicationLifetime lifetime, GitHubRefreshJobs github, RefreshProgressHub progress, WhoopRefreshService whoop,
    WhoopTokenService whoopTokens, WhoopSimulatorServer whoopSimulator, WhoopImportService import, DayTagService tags, GoalService goals, TimeProvider time,
    ILogger<DemoSeeder> logger)
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
    /// tokens, as a sign-in would, with the scopes the simulator's grant holds (as WHOOP's token answer would say).
    /// </summary>
    private async Task ReconnectWhoopAsync(CancellationToken cancellationToken)
    {
        var simulator = whoopSimulator.State;
        await whoopTokens.SaveAsync(
            whoopUserId: null, simulator.AccessTokens.First(), simulator.RefreshTokens.First(), simulator.AccessTokenLifetimeSeconds,
            simulator.GrantedScope, bootstrap: true, cancellationToken);
    }


    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ImportJournalAsync(DateOnly today, CancellationToken stopping)
    {
        var simulator = whoopSimulator.State;
        using var zip = new MemoryStream(WhoopExportWriter.Write(simulator, WhoopJournalGenerator.For(simulator)));
        await import.ImportAsync(zip, stopping);
        // Own tags: a deploy every other Thursday, and a trip in the spring.
        for (var day = today.AddDays(-DemoMode.WhoopDays); day <= today; day = day.AddDays(1))
        {
            if (day.DayOfWeek == DayOfWeek.Thursday && day.DayNumber / 7 % 2 == 0)
            {
                await tags.AddOwnAsync(day, "deploy day", stopping);
            }
        }

        for (var day = today.AddDays(-200); day <= today.AddDays(-190); day = day.AddDays(1))
        {
            await tags.AddOwnAsync(day, "travel", stopping);
        }
    }

    private async Task SeedAsync(CancellationToken stopping)
    {
        try
        {
            var (job, _) = await github.StartAsync("demo", stopping);
            if (!(await goals.GetAsync(stopping)).AnySet)
            {
                await goals.SetAsync(DemoOptions.Goals, stopping);
            }

            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var synced = await whoop.SyncDaysAsync(DateRange.LastDays(DemoMode.WhoopDays, today), "demo", stopping);
            await ImportJournalAsync(today, stopping);
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
