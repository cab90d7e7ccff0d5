using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Bench;

/// <summary>Fresh contexts on one SQLite file, set up like the app's (write-ahead log).</summary>
internal sealed class SqliteContexts(string databasePath) : IDbContextFactory<TrackerDbContext>
{
    private readonly DbContextOptions<SqliteTrackerDbContext> _options = new DbContextOptionsBuilder<SqliteTrackerDbContext>()
        .UseSqlite($"Data Source={databasePath}").AddInterceptors(new SqliteWriteAheadLog()).Options;

    public TrackerDbContext CreateDbContext() => new SqliteTrackerDbContext(_options);
}
