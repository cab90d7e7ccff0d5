using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Redis.StackExchange;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Configuration;
using StackExchange.Redis;

namespace ProjectTracker.Web.Jobs;

public static class JobsExtensions
{
    /// <summary>
    /// Hangfire: on Redis when <c>REDIS_URL</c> is set; otherwise PostgreSQL storage in the app's own database when that
    /// is PostgreSQL (several instances share one queue), or in-memory storage on SQLite (then <c>refresh_job</c> is the
    /// durable record and start-up resumes what was left).
    /// </summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var jobs = builder.Configuration.ReadSettings<JobsOptions>(JobsOptions.Section);
        var redis = jobs.RedisUrl is { } url ? RedisSettings.Parse(url) : null;

        // The storage is this app's own service, not Hangfire's static JobStorage.Current: two apps in one process (tests)
        // must not enqueue into each other's queues.
        if (redis is not null)
        {
            // A service, so the host disposes the connection on shutdown.
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => RedisSettings.Connect(redis));
        }

        builder.Services.AddSingleton<JobStorage>(services => redis is not null
            ? CreateRedisStorage(services.GetRequiredService<IConnectionMultiplexer>())
            : CreateStorage(services.GetRequiredService<DatabaseSettings>(), jobs.InvisibilityTimeout));
        // Hangfire's default activator is its static JobActivator.Current, which every host's AddHangfire overwrites with
        // its own: in a process with several hosts (tests), a server could build its jobs from another host's services
        // (database, clock, settings). This host's own activator, as a service, is what its server uses instead.
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, config) => config
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostSafeLogProvider(services.GetRequiredService<ILoggerFactory>())));
        builder.Services.AddHangfireServer(server =>
        {
            server.WorkerCount = 2;
            server.ShutdownTimeout = TimeSpan.FromSeconds(10);
            server.SchedulePollingInterval = jobs.SchedulePollingInterval;
        });
        builder.Services.AddSingleton(sp => new JobStorageSharing(sp.GetRequiredService<JobStorage>() is not InMemoryStorage));
        return builder;
    }

    private static RedisStorage CreateRedisStorage(IConnectionMultiplexer redis) =>
        new(redis, new RedisStorageOptions
        {
            Prefix = "projecttracker:hangfire:",
            // A fetched job that has not finished after this long is handed to another server. A GitHub refresh may wait
            // up to an hour for the rate limit to reset (GitHub:MaxRateLimitWait), so it must be longer than that.
            InvisibilityTimeout = TimeSpan.FromHours(2),
        });

    /// <summary>
    /// The job storage of an app on <paramref name="database"/> without <c>REDIS_URL</c>; on PostgreSQL, creating it creates
    /// Hangfire's schema in that database when missing (tests prepare their template database with it).
    /// </summary>
    public static JobStorage CreateStorage(DatabaseSettings database, TimeSpan invisibilityTimeout)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return new InMemoryStorage();
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            // Without it a job running longer than the invisibility timeout is started twice.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = invisibilityTimeout,
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }

    /// <summary>
    /// <c>/hangfire</c>, for the signed-in owner only. Not also "any local request" (Hangfire's default): behind a reverse proxy
    /// on the same machine every request looks local.
    /// </summary>
    public static WebApplication MapJobs(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<Domain.Whoop.WhoopOptions>().HasClientCredentials)
        {
            // The owner signs in with WHOOP, and WHOOP sign-in is not set up: say so rather than send the browser to a
            // sign-in that cannot happen (it would land on /whoop with "sign-in did not complete").
            app.MapGet("/hangfire/{**rest}", () => AccessPages.Unavailable("Job dashboard unavailable",
                    "<p>The job dashboard is for the app's owner, who signs in with WHOOP, and WHOOP sign-in is not configured here.</p>" +
                    "<p>Set <code>WHOOP_CLIENT_ID</code> and <code>WHOOP_CLIENT_SECRET</code> (a WHOOP app whose redirect URI is " +
                    "<code>https://&lt;this host&gt;/signin-whoop</code>), restart, then open <a href=\"/hangfire\">/hangfire</a> and sign in.</p>" +
                    "<p>The refresh jobs are also listed at <a href=\"/api/github/refresh/jobs\">/api/github/refresh/jobs</a>.</p>"))
                .ExcludeFromDescription();
            return app;
        }

        app.MapHangfireDashboardWithAuthorizationPolicy(AccessPolicies.Owner, "/hangfire",
            new DashboardOptions { DisplayStorageConnectionString = false });
        return app;
    }
}
