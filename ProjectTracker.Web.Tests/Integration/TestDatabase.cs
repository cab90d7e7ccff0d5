using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using Npgsql;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// A fresh database for one test fixture, given to the app as <c>DATABASE_URL</c>: empty, or at the current schema when
/// made by <c>Migrated()</c>.
/// </summary>
public interface ITestDatabase : IAsyncDisposable
{
    string DatabaseUrl { get; }
}

public sealed class SqliteTestDatabase : ITestDatabase
{
    private static readonly Lazy<string> Template = new(CreateTemplate);

    private readonly string _folder = Directory.CreateTempSubdirectory("pt-tests-").FullName;

    /// <summary>
    /// A database at the current schema, as the app leaves a new one: a copy of a file migrated once per test run, so a
    /// test whose start-up is not the point skips the migrations.
    /// </summary>
    public static SqliteTestDatabase Migrated()
    {
        var database = new SqliteTestDatabase();
        File.Copy(Template.Value, database.FilePath);
        return database;
    }

    public string FilePath => $"{_folder}/tracker.db";

    // Four slashes: the old app's SQLAlchemy form for an absolute path.
    public string DatabaseUrl => $"sqlite:///{FilePath}";

    public ValueTask DisposeAsync()
    {
        // A job the app's host was still finishing may have written a journal file while the folder was being emptied
        // ("Directory not empty"): the next pass removes what arrived.
        for (var attempt = 1; ; attempt++)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
                return ValueTask.CompletedTask;
            }
            catch (IOException) when (attempt < 3 && Directory.Exists(_folder))
            {
            }
        }
    }

    private static string CreateTemplate()
    {
        var template = new SqliteTestDatabase();
        TestContexts.Migrate(template);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the file complete and closed before anyone copies it
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(template._folder, recursive: true);
        return template.FilePath;
    }
}

/// <summary>
/// A database created for the fixture on the PostgreSQL server named by <c>TEST_POSTGRES_URL</c>
/// (<c>scripts/test.sh</c> starts one). Without it these tests fail, never skip: CI must run them.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    public const string ServerVariable = "TEST_POSTGRES_URL";

    private static readonly Lazy<string> Template = new(CreateTemplate);

    private readonly string _server;
    private readonly string _name = $"pt_test_{Guid.NewGuid():N}";

    public PostgresTestDatabase()
        : this(template: null)
    {
    }

    private PostgresTestDatabase(string? template)
    {
        _server = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException(
                $"{ServerVariable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL server.");
        Execute(template is null ? $"CREATE DATABASE \"{_name}\"" : $"CREATE DATABASE \"{_name}\" TEMPLATE \"{template}\"");
    }

    /// <summary>
    /// A database at the current schema, as the app leaves a new one: cloned from a database migrated once per test run,
    /// so a test whose start-up is not the point skips the migrations.
    /// </summary>
    public static PostgresTestDatabase Migrated() => new(Template.Value);

    public string DatabaseUrl => new NpgsqlConnectionStringBuilder(_server) { Database = _name, Pooling = false }.ConnectionString;

    /// <summary>Takes the database away under a running app (health checks must notice).</summary>
    public void Drop() => Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");

    public ValueTask DisposeAsync()
    {
        Drop();
        return ValueTask.CompletedTask;
    }

    /// <summary>Migrated through connections that close for good (no pooling): PostgreSQL clones only a database nobody is in.</summary>
    private static string CreateTemplate()
    {
        var template = new PostgresTestDatabase();
        TestContexts.Migrate(template);
        // The rest of what start-up adds to a new PostgreSQL database: Hangfire's schema, as many statements as the migrations.
        Web.Jobs.JobsExtensions.CreateStorage(DatabaseSettings.Parse(template.DatabaseUrl, Path.GetTempPath()), new Web.Jobs.JobsOptions().InvisibilityTimeout);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Drop();
        return template._name;
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

    /// <summary>Brings the database to the current schema (what the app's start-up does to a new database).</summary>
    public static void Migrate(ITestDatabase database)
    {
        using var db = new TestContexts(DatabaseSettings.Parse(database.DatabaseUrl, Path.GetTempPath())).CreateDbContext();
        db.Database.Migrate();
    }

    /// <summary>Contexts on the database, its migrations applied.</summary>
    public static async Task<TestContexts> MigrateAsync(ITestDatabase database)
    {
        var contexts = new TestContexts(DatabaseSettings.Parse(database.DatabaseUrl, Path.GetTempPath()));
        await using var db = contexts.CreateDbContext();
        await db.Database.MigrateAsync();
        return contexts;
    }
}
