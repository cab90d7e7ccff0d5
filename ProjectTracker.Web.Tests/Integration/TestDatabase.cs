using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using Npgsql;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>A fresh, empty database for one test fixture, given to the app as <c>DATABASE_URL</c>.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    string DatabaseUrl { get; }
}

public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pt-tests-").FullName;

    public string FilePath => $"{_folder}/tracker.db";

    // Four slashes: the old app's SQLAlchemy form for an absolute path.
    public string DatabaseUrl => $"sqlite:///{FilePath}";

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A database created for the fixture on the PostgreSQL server named by <c>TEST_POSTGRES_URL</c>
/// (<c>scripts/test.sh</c> starts one). Without it these tests fail, never skip: CI must run them.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    public const string ServerVariable = "TEST_POSTGRES_URL";

    private readonly string _server;
    private readonly string _name = $"pt_test_{Guid.NewGuid():N}";

    public PostgresTestDatabase()
    {
        _server = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException(
                $"{ServerVariable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL server.");
        Execute($"CREATE DATABASE \"{_name}\"");
    }

    public string DatabaseUrl => new NpgsqlConnectionStringBuilder(_server) { Database = _name, Pooling = false }.ConnectionString;

    /// <summary>Takes the database away under a running app (health checks must notice).</summary>
    public void Drop() => Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");

    public ValueTask DisposeAsync()
    {
        Drop();
        return ValueTask.CompletedTask;
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>Contexts straight on a test database, for the domain's services without the app around them.</summary>
public sealed class TestContexts(DatabaseSettings settings) : IDbContextFactory<TrackerDbContext>
{
    public TrackerDbContext CreateDbContext() => settings.Provider == DatabaseProvider.Postgres
        ? new PostgresTrackerDbContext(new DbContextOptionsBuilder<PostgresTrackerDbContext>().UseNpgsql(settings.ConnectionString).Options)
        : new SqliteTrackerDbContext(new DbContextOptionsBuilder<SqliteTrackerDbContext>().UseSqlite(settings.ConnectionString).Options);

    /// <summary>Contexts on the database, its migrations applied.</summary>
    public static async Task<TestContexts> MigrateAsync(ITestDatabase database)
    {
        var contexts = new TestContexts(DatabaseSettings.Parse(database.DatabaseUrl, Path.GetTempPath()));
        await using var db = contexts.CreateDbContext();
        await db.Database.MigrateAsync();
        return contexts;
    }
}
