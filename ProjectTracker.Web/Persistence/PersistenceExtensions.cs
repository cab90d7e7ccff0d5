using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{TrackerDbContext}"/> (and a scoped <see cref="TrackerDbContext"/>) for the
    /// database <c>DATABASE_URL</c> names, SQLite under the content root by default.
    /// </summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.Parse(
            builder.Configuration.Read("Database:Url", DatabaseSettings.SettingName),
            builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);

        if (settings.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddTrackerDbContext<PostgresTrackerDbContext>(o => o.UseNpgsql(settings.ConnectionString));
        }
        else
        {
            builder.Services.AddTrackerDbContext<SqliteTrackerDbContext>(o => o.UseSqlite(settings.ConnectionString).AddInterceptors(new SqliteWriteAheadLog()));
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    private static void AddTrackerDbContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : TrackerDbContext
    {
        services.AddDbContextFactory<TContext>(configure);
        services.AddSingleton<IDbContextFactory<TrackerDbContext>>(sp =>
            new TrackerDbContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        services.AddScoped<TrackerDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
    }

    /// <summary>Creates the SQLite folder if needed and applies the provider's migrations before the app serves.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
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
