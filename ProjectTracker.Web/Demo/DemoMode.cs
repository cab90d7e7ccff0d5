using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Configuration;
using ProjectTracker.Web.GitHub;

namespace ProjectTracker.Web.Demo;

/// <summary>Whether the app runs against its built-in simulators (<c>--demo</c> / <c>Demo:Enabled</c>).</summary>
public sealed record DemoInfo(bool Enabled);

/// <summary>
/// Demo mode: the GitHub and WHOOP simulators start in-process with a generated history (tens of repositories, a year of
/// WHOOP data); the app's real clients are pointed at them and the real sync fills a database of its own
/// (<c>App_Data/demo.db</c> unless <c>DATABASE_URL</c> is set). "Connect WHOOP" goes through the simulator's sign-in.
/// </summary>
public static class DemoMode
{
    public const int Repositories = 36;
    public const int WhoopDays = 365;

    public static async Task<WebApplicationBuilder> AddDemoIfEnabledAsync(this WebApplicationBuilder builder)
    {
        var enabled = builder.Configuration.ReadBool("Demo:Enabled");
        builder.Services.AddSingleton(new DemoInfo(enabled));
        if (!enabled)
        {
            return builder;
        }

        var github = await GitHubSimulatorServer.StartAsync();
        GitHubDataGenerator.Populate(github.State, Repositories);
        var whoop = await WhoopSimulatorServer.StartAsync();
        WhoopDataGenerator.Populate(whoop.State, WhoopDays);
        // The fill reads a year in 30-day parts (over 100 requests): with WHOOP's 100 a minute, "Connect WHOOP" right after
        // it would wait up to a minute for the limit to reset. The demo shows the dashboards, not the quota (tests cover that).
        whoop.State.RequestsPerMinute = 1000;
        var settings = new Dictionary<string, string?>
        {
            ["GitHub:ApiBaseUrl"] = github.BaseAddress.ToString(),
            ["GitHub:AccessToken"] = github.State.Tokens.First(),
            ["Whoop:ApiBaseUrl"] = whoop.ApiBaseUrl.ToString(),
            ["Whoop:TokenEndpoint"] = whoop.TokenEndpoint.ToString(),
            ["Whoop:AuthorizationEndpoint"] = new Uri(whoop.ApiBaseUrl, "/oauth/oauth2/auth").ToString(),
            ["Whoop:ClientId"] = whoop.State.ClientId,
            ["Whoop:ClientSecret"] = whoop.State.ClientSecret,
            ["Whoop:AccessToken"] = whoop.State.AccessTokens.First(),
            ["Whoop:RefreshToken"] = whoop.State.RefreshTokens.First(),
        };
        if (builder.Configuration.Read("Database:Url", "DATABASE_URL") is null)
        {
            settings["Database:Url"] = "sqlite:///App_Data/demo.db";
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(github);
        builder.Services.AddSingleton(whoop);
        builder.Services.AddHostedService<DemoSeeder>();
        return builder;
    }
}

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
