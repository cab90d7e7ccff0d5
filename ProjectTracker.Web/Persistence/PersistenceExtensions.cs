using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProjectTracker.Domain.Configuration;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{TrackerDbContext}"/> (no scoped context: a circuit outlives a request, so
    /// pages, endpoints and jobs each create a context per operation) for the
    /// database <c>DATABASE_URL</c> names, SQLite under the content root by default.
    /// </summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.Parse(
            builder.Configuration.Read("Database:Url"),
            builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);

        if (settings.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddTrackerDbContext<PostgresTrackerDbContext>(o => o.UseNpgsql(settings.ConnectionString));
            builder.Services.AddSingleton<IDataChanges, PostgresDataChanges>();
        }
        else
        {
            builder.Services.AddTrackerDbContext<SqliteTrackerDbContext>(o => o.UseSqlite(settings.ConnectionString).AddInterceptors(new SqliteWriteAheadLog()));
            builder.Services.AddSingleton<IDataChanges>(_ => new SqliteDataChanges(settings.ConnectionString)); // disposed with the app
        }

        builder.Services.AddSingleton<DataVersion>();
        builder.Services.AddSettings<ReadModelOptions>(ReadModelOptions.Section);
        builder.Services.AddSingleton<DataWriteInterceptor>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    private static void AddTrackerDbContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : TrackerDbContext
    {
        // Every context reports its committed writes, so cached answers know when they are stale.
        services.AddDbContextFactory<TContext>((sp, options) => configure(options.AddInterceptors(sp.GetRequiredService<DataWriteInterceptor>())));
        services.AddSingleton<IDbContextFactory<TrackerDbContext>>(sp =>
            new TrackerDbContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    /// <summary>
    /// Creates the SQLite folder if needed and brings the database to the current schema before the app serves, adopting
    /// a database the old app made. A database that cannot be opened stops start-up with one line naming DATABASE_URL.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProjectTracker.Database");
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(SqliteFile(settings)));
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }

            await using var db = await app.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
            var report = await DatabaseMigrator.MigrateAsync(db);
            if (report.AdoptedLegacyDatabase)
            {
                logger.LogInformation(
                    "Adopted the old app's database: its rows are kept, missing old tables created: {Tables}",
                    report.CreatedLegacyTables.Count == 0 ? "none" : string.Join(", ", report.CreatedLegacyTables));
            }

            if (report.AppliedMigrations.Count > 0)
            {
                logger.LogInformation("Applied migrations: {Migrations}", string.Join(", ", report.AppliedMigrations));
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException
                                      || e.InnerException is System.Data.Common.DbException)
        {
            // The socket's reason ("Connection refused") rather than EF's "likely due to a transient failure" around it.
            var cause = Domain.Net.ConnectionFailure.SocketCause(e) is { } socket
                ? $"cannot be reached from here: {socket}."
                : (e as System.Data.Common.DbException ?? e.InnerException as System.Data.Common.DbException ?? e).Message;
            throw new SettingException(DatabaseSettings.SettingName, $"names a database that cannot be opened ({Describe(settings)}): {cause}");
        }
    }

    private static string SqliteFile(DatabaseSettings settings) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;

    /// <summary>Where the database is, without credentials.</summary>
    private static string Describe(DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite file {SqliteFile(settings)}";
        }

        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);
        return $"PostgreSQL at {postgres.Host}:{postgres.Port}, database {postgres.Database}";
    }

    private sealed class TrackerDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<TrackerDbContext>
        where TContext : TrackerDbContext
    {
        public TrackerDbContext CreateDbContext() => inner.CreateDbContext();
    }

    private sealed class DatabaseHealthCheck(IDbContextFactory<TrackerDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                return await db.Database.CanConnectAsync(cancellationToken)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
            }
        }
    }
}
