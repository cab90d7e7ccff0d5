using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Persistence;

/// <summary>
/// The app's database. Each provider has its own subclass so that each keeps its own migration set
/// (<see cref="SqliteTrackerDbContext"/>, <see cref="PostgresTrackerDbContext"/>).
/// </summary>
public abstract class TrackerDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<RefreshJob> RefreshJobs => Set<RefreshJob>();
    public DbSet<ProjectCommit> ProjectCommits => Set<ProjectCommit>();
    public DbSet<ProjectDailyCommits> ProjectDailyCommits => Set<ProjectDailyCommits>();
    public DbSet<GitHubHttpCacheEntry> GitHubHttpCache => Set<GitHubHttpCacheEntry>();
    public DbSet<GitHubRepositoryWithoutCommits> GitHubRepositoriesWithoutCommits => Set<GitHubRepositoryWithoutCommits>();
    public DbSet<WhoopRecovery> WhoopRecoveries => Set<WhoopRecovery>();
    public DbSet<WhoopSleep> WhoopSleeps => Set<WhoopSleep>();
    public DbSet<WhoopWorkout> WhoopWorkouts => Set<WhoopWorkout>();
    public DbSet<WhoopCycle> WhoopCycles => Set<WhoopCycle>();
    public DbSet<WhoopProfile> WhoopProfiles => Set<WhoopProfile>();
    public DbSet<WhoopSyncStatus> WhoopSyncStatuses => Set<WhoopSyncStatus>();
    public DbSet<WhoopSyncJob> WhoopSyncJobs => Set<WhoopSyncJob>();
    public DbSet<WhoopConnection> WhoopConnections => Set<WhoopConnection>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SharedStateEntry> SharedState => Set<SharedStateEntry>();
    public DbSet<Days.DayTag> DayTags => Set<Days.DayTag>();
    public DbSet<Goals.Goal> Goals => Set<Goals.Goal>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrackerDbContext).Assembly);
        SnakeCaseColumns.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; the columns are "without time zone" as the old app's were.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteTrackerDbContext(DbContextOptions<SqliteTrackerDbContext> options) : TrackerDbContext(options);

public sealed class PostgresTrackerDbContext(DbContextOptions<PostgresTrackerDbContext> options) : TrackerDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
        configurationBuilder.Properties<DateTime?>().HaveColumnType("timestamp without time zone");
    }
}
