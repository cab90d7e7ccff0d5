using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Api;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Whoop;

public static class WhoopServiceCollectionExtensions
{
    public const string HttpClientName = "whoop";

    public static WebApplicationBuilder AddWhoop(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<WhoopOptions>(WhoopOptions.Section);
        builder.Services.AddSingleton(sp => new WhoopReadModel(
            sp.GetRequiredService<IDbContextFactory<TrackerDbContext>>(), sp.GetRequiredService<DataVersion>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ReadModelOptions>().MaxAge, sp.GetService<IDataChanges>()));
        builder.Services.AddSingleton<WhoopReadService>();
        builder.Services.AddSerializedItems<WhoopRecovery, RecoveryJson>(RecoveryJson.From);
        builder.Services.AddSerializedItems<WhoopSleep, SleepJson>(SleepJson.From);
        builder.Services.AddSerializedItems<WhoopWorkout, WorkoutJson>(WorkoutJson.From);
        builder.Services.AddSerializedItems<WhoopCycle, CycleJson>(CycleJson.From);

        builder.AddDatabaseKeyRing();
        builder.Services.AddSingleton<ITokenProtector, DataProtectionTokenProtector>();

        builder.Services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<WhoopOptions>().RequestTimeout);
        builder.Services.AddSingleton<WhoopRateLimiter>();
        builder.Services.AddSingleton(sp => new WhoopApiClient(Http(sp), sp.GetRequiredService<WhoopOptions>(), sp.GetRequiredService<WhoopRateLimiter>()));
        builder.Services.AddSingleton<WhoopSyncService>();
        builder.Services.AddSingleton<Domain.Whoop.Import.WhoopImportService>();
        builder.Services.AddSingleton(sp => new WhoopTokenService(
            sp.GetRequiredService<IDbContextFactory<TrackerDbContext>>(), sp.GetRequiredService<ITokenProtector>(), Http(sp), sp.GetRequiredService<WhoopOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<WhoopRefreshService>();
        builder.Services.AddSingleton<WhoopSyncNotifier>();
        builder.Services.AddSingleton<WhoopSyncWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WhoopSyncWatcher>());
        builder.Services.AddSingleton<WhoopSyncJobStore>();
        builder.Services.AddSingleton<WhoopRangeSync>();
        builder.Services.AddSingleton<WhoopSyncRequests>();
        builder.Services.AddSingleton<Domain.Insights.InsightsReadService>();
        builder.Services.AddSingleton<WhoopProfileStore>();
        builder.Services.AddSingleton<WhoopProfileReader>();
        builder.Services.AddSingleton<WhoopTodayRefresher>();
        builder.Services.AddTransient<WhoopWebhookJob>();
        builder.Services.AddSingleton<WhoopWebhookNotifications>();
        builder.Services.AddTransient<WhoopScheduledSync>();
        return builder.AddWhoopLogin();
    }

    public const string RecurringJobId = "whoop-sync";

    /// <summary>
    /// Imports the old <c>WHOOP_ACCESS_TOKEN</c>/<c>WHOOP_REFRESH_TOKEN</c> once into the encrypted store, and schedules
    /// the recurring sync of the last few days (<c>Whoop:SyncSchedule</c>, hourly by default).
    /// </summary>
    public static async Task StartWhoopAsync(this WebApplication app)
    {
        app.WarnWhenKeysAreUnencrypted();
        await app.Services.GetRequiredService<WhoopTokenService>().ImportBootstrapTokensAsync(app.Lifetime.ApplicationStopping);
        // The imported tokens' account becomes the owner now, so no later sign-in can claim the app first. Bounded: a WHOOP
        // that does not answer delays start-up by seconds, not minutes (sign-in asks again meanwhile).
        using (var identify = CancellationTokenSource.CreateLinkedTokenSource(app.Lifetime.ApplicationStopping))
        {
            identify.CancelAfter(TimeSpan.FromSeconds(15));
            try
            {
                await app.Services.GetRequiredService<WhoopOwnership>().IdentifyStoredTokensAsync(identify.Token);
            }
            catch (OperationCanceledException) when (!app.Lifetime.ApplicationStopping.IsCancellationRequested)
            {
                app.Logger.LogWarning("WHOOP did not answer the imported tokens' profile in time; sign-in waits until it does.");
            }
        }

        var schedule = app.Services.GetRequiredService<WhoopOptions>().SyncSchedule;
        try
        {
            app.Services.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdate<WhoopScheduledSync>(RecurringJobId, job => job.RunAsync(), schedule);
        }
        catch (ArgumentException)
        {
            throw new Domain.Configuration.SettingException("Whoop:SyncSchedule", $"must be a cron expression such as '0 * * * *'; got '{schedule}'.");
        }
    }

    private static HttpClient Http(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
}
