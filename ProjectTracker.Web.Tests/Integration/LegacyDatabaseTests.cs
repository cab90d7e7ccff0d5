using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// SPEC "Database", moving from the old app: a database its SQLAlchemy <c>create_all</c> made — its tables, its rows in its
/// formats, no migration history — is adopted on start-up without losing or altering a row, and the old rows are served.
/// </summary>
public abstract class LegacyDatabaseTests
{
    // The old rows as the old app wrote them (SQLite stores SQLAlchemy's DATETIME as text with microseconds).
    private static readonly string[] OldRows =
    [
        "INSERT INTO project (name, time_spent_min, loc, commit_count, active_days, last_commit_date, code_churn, primary_language, repository_size_kb) " +
        "VALUES ('old-blog', 270.0, 12000, 140, 31, '2026-03-01 18:04:05.000000', 40000, 'Python', 2048.0)",
        "INSERT INTO project (name, time_spent_min, loc, commit_count, active_days, last_commit_date, code_churn, primary_language, repository_size_kb) " +
        "VALUES ('old-cli', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
        "INSERT INTO refresh_job (id, status, started_at, completed_at, error_message, repositories_processed, total_repositories) " +
        "VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', 'completed', '2026-03-01 18:00:00.000000', '2026-03-01 18:02:30.500000', NULL, 2, 2)",
        "INSERT INTO whoop_recovery (cycle_id, date, recovery_score, resting_heart_rate, hrv_rmssd, spo2_percentage, skin_temp_celsius, created_at) " +
        "VALUES ('93845', '2026-03-14 00:00:00.000000', 72.0, 51.0, 68.4, 97.1, 33.6, '2026-03-14 12:00:00.000000')",
        "INSERT INTO whoop_sleep (sleep_id, date, start_time, end_time, total_sleep_hours, sleep_performance, sleep_efficiency, sleep_consistency, rem_sleep_min, deep_sleep_min, light_sleep_min, awake_min, respiratory_rate, created_at) " +
        "VALUES ('ecfc6a15-4661-442f-a9a4-f160dd7afae8', '2026-03-14 00:00:00.000000', '2026-03-14 04:10:00.000000', '2026-03-14 11:40:00.000000', 7.0, 88.0, 91.5, 80.0, 95.0, 80.0, 245.0, 30.0, 15.2, '2026-03-14 12:00:00.000000')",
        "INSERT INTO whoop_workout (workout_id, start_time, end_time, sport_id, sport_name, strain, average_heart_rate, max_heart_rate, calories, distance_meters, duration_min, created_at) " +
        "VALUES ('ecfc6a15-4661-442f-a9a4-f160dd7afae9', '2026-03-14 22:00:00.000000', '2026-03-14 23:00:00.000000', 1, 'Cycling', 12.34, 140.0, 171.0, 2092.0, 20000.0, 60.0, '2026-03-14 23:30:00.000000')",
        "INSERT INTO whoop_cycle (cycle_id, start_time, end_time, strain, kilojoules, average_heart_rate, max_heart_rate, created_at) " +
        "VALUES ('93845', '2026-03-14 04:00:00.000000', NULL, 14.2, 9200.0, 70.0, 171.0, '2026-03-14 12:00:00.000000')",
    ];

    private static readonly string[] OldTables =
        ["project", "refresh_job", "whoop_recovery", "whoop_sleep", "whoop_workout", "whoop_cycle", "whoop_profile", "whoop_sync_status"];

    protected abstract ITestDatabase CreateDatabase();

    /// <summary>
    /// The seed's <c>CREATE TABLE</c>s in this provider's dialect, as SQLAlchemy emits them: literally the seed's DDL on
    /// SQLite, plus <c>whoop_profile</c> and <c>whoop_sync_status</c> unless an older old app never made them.
    /// </summary>
    protected virtual IEnumerable<string> OldSchema(bool withProfileTables)
    {
        yield return "CREATE TABLE project (id INTEGER PRIMARY KEY, name VARCHAR(100) UNIQUE NOT NULL, time_spent_min FLOAT, loc INTEGER, commit_count INTEGER, active_days INTEGER, last_commit_date DATETIME, code_churn INTEGER, primary_language VARCHAR(50), repository_size_kb FLOAT)";
        yield return "CREATE TABLE refresh_job (id VARCHAR(36) PRIMARY KEY, status VARCHAR(20) DEFAULT 'queued', started_at DATETIME, completed_at DATETIME, error_message TEXT, repositories_processed INTEGER DEFAULT 0, total_repositories INTEGER DEFAULT 0)";
        yield return "CREATE TABLE whoop_recovery (id INTEGER PRIMARY KEY, cycle_id VARCHAR(50) UNIQUE, date DATETIME NOT NULL, recovery_score FLOAT, resting_heart_rate FLOAT, hrv_rmssd FLOAT, spo2_percentage FLOAT, skin_temp_celsius FLOAT, created_at DATETIME)";
        yield return "CREATE TABLE whoop_sleep (id INTEGER PRIMARY KEY, sleep_id VARCHAR(50) UNIQUE, date DATETIME NOT NULL, start_time DATETIME, end_time DATETIME, total_sleep_hours FLOAT, sleep_performance FLOAT, sleep_efficiency FLOAT, sleep_consistency FLOAT, rem_sleep_min FLOAT, deep_sleep_min FLOAT, light_sleep_min FLOAT, awake_min FLOAT, respiratory_rate FLOAT, created_at DATETIME)";
        yield return "CREATE TABLE whoop_workout (id INTEGER PRIMARY KEY, workout_id VARCHAR(50) UNIQUE, start_time DATETIME, end_time DATETIME, sport_id INTEGER, sport_name VARCHAR(100), strain FLOAT, average_heart_rate FLOAT, max_heart_rate FLOAT, calories FLOAT, distance_meters FLOAT, duration_min FLOAT, created_at DATETIME)";
        yield return "CREATE TABLE whoop_cycle (id INTEGER PRIMARY KEY, cycle_id VARCHAR(50) UNIQUE, start_time DATETIME, end_time DATETIME, strain FLOAT, kilojoules FLOAT, average_heart_rate FLOAT, max_heart_rate FLOAT, created_at DATETIME)";
        if (withProfileTables)
        {
            yield return "CREATE TABLE whoop_profile (id INTEGER PRIMARY KEY, user_id VARCHAR(50) UNIQUE, first_name VARCHAR(100), last_name VARCHAR(100), email VARCHAR(200), created_at DATETIME, updated_at DATETIME)";
            yield return "CREATE TABLE whoop_sync_status (id INTEGER PRIMARY KEY, last_sync_at DATETIME, last_sync_type VARCHAR(50), records_synced INTEGER, status VARCHAR(20), error_message TEXT)";
        }
    }

    protected abstract DbConnection Open(ITestDatabase database);

    [Fact]
    public async Task Start_OnTheOldAppsDatabase_AdoptsItKeepingEveryRowAndServesThem()
    {
        await using var database = CreateDatabase();
        await ExecuteAsync(database, OldSchema(withProfileTables: true).Concat(OldRows).Concat(OldProfileRows));
        var before = await SnapshotAsync(database);

        int migrations;
        await using (var app = new TrackerAppFactory(database))
        {
            using var client = app.CreateClient();
            using (var db = app.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContext())
            {
                migrations = db.Database.GetMigrations().Count();
            }

            var projects = (await client.GetJsonAsync("/api/github/projects")).AsArray();
            var blog = await client.GetJsonAsync("/api/github/project/old-blog");
            var recovery = (await client.GetJsonAsync("/api/whoop/recovery?days=7")).AsArray();
            var workouts = (await client.GetJsonAsync("/api/whoop/workouts?days=7")).AsArray();
            var job = await client.GetJsonAsync("/api/github/refresh/status/0f8fad5b-d9cb-469f-a165-70867728950e");

            Assert.Equal(["old-blog", "old-cli"], projects.Select(p => (string)p!["name"]!).Order());
            Assert.Equal("270m", (string?)blog["time_spent"]);
            Assert.Equal(12000, (int?)blog["loc"]);
            Assert.Equal("03/01/2026, 06:04:05 PM", (string?)blog["last_finished"]);
            Assert.Equal("2048.0", (string?)blog["repository_size_kb"]);
            Assert.Equal("2026-03-14", (string?)Assert.Single(recovery)!["date"]);
            Assert.Equal("green", (string?)recovery[0]!["recovery_status"]);
            // The old app stored kilojoules as "calories": served as kcal now, and as kilojoules beside it.
            Assert.Equal(500, (int?)Assert.Single(workouts)!["calories"]);
            Assert.Equal(2092.0, (double?)workouts[0]!["kilojoules"]);
            Assert.Equal("completed", (string?)job["status"]);
            Assert.Contains(app.Logs.Lines, line => line.Contains("Adopted the old app's database", StringComparison.Ordinal));
        }

        Assert.Equal(before, await SnapshotAsync(database));
        Assert.Equal(migrations, await AppliedMigrationCountAsync(database));

        // A second start finds a migrated database: nothing adopted again, nothing changed.
        await using (var again = new TrackerAppFactory(database))
        {
            using var client = again.CreateClient();
            Assert.Equal(2, (await client.GetJsonAsync("/api/github/projects")).AsArray().Count);
            Assert.DoesNotContain(again.Logs.Lines, line => line.Contains("Adopted", StringComparison.Ordinal));
        }

        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Fact]
    public async Task Start_OnAnOldDatabaseWithoutTheProfileTables_CreatesThemAndKeepsTheRows()
    {
        await using var database = CreateDatabase();
        await ExecuteAsync(database, OldSchema(withProfileTables: false).Concat(OldRows));
        var before = await SnapshotAsync(database, OldTables[..6]);

        await using var app = new TrackerAppFactory(database);
        using var client = app.CreateClient();
        var status = await client.GetJsonAsync("/api/whoop/status");

        Assert.NotNull(status);
        Assert.Equal(before, await SnapshotAsync(database, OldTables[..6]));
        Assert.Contains(app.Logs.Lines, line => line.Contains("whoop_profile, whoop_sync_status", StringComparison.Ordinal));
    }

    private static IEnumerable<string> OldProfileRows =>
    [
        "INSERT INTO whoop_profile (user_id, first_name, last_name, email, created_at, updated_at) VALUES ('10129', 'Ada', 'Lovelace', 'ada@example.com', '2026-01-02 03:04:05.000000', NULL)",
        "INSERT INTO whoop_sync_status (last_sync_at, last_sync_type, records_synced, status, error_message) VALUES ('2026-03-14 12:00:00.000000', 'incremental', 4, 'success', NULL)",
    ];

    private async Task ExecuteAsync(ITestDatabase database, IEnumerable<string> statements)
    {
        await using var connection = Open(database);
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Every old column of every old row, as text, in a stable order.</summary>
    private async Task<List<string>> SnapshotAsync(ITestDatabase database, string[]? tables = null)
    {
        var rows = new List<string>();
        await using var connection = Open(database);
        foreach (var table in tables ?? OldTables)
        {
            var columns = OldColumns(table);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table} ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                rows.Add($"{table}: {string.Join(" | ", values)}");
            }
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>The columns the old schema created (later migrations add more; those are ours to fill).</summary>
    private List<string> OldColumns(string table)
    {
        var statement = OldSchema(withProfileTables: true).Single(s => s.StartsWith($"CREATE TABLE {table} ", StringComparison.Ordinal));
        var body = statement[(statement.IndexOf('(') + 1)..statement.LastIndexOf(')')];
        return body.Split(',').Select(c => c.Trim().Split(' ')[0]).ToList();
    }

    private async Task<int> AppliedMigrationCountAsync(ITestDatabase database)
    {
        await using var connection = Open(database);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteLegacyDatabaseTests : LegacyDatabaseTests
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestDatabase();

    protected override DbConnection Open(ITestDatabase database)
    {
        var file = database.DatabaseUrl["sqlite:///".Length..];
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        return connection;
    }
}

public sealed class PostgresLegacyDatabaseTests : LegacyDatabaseTests
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();

    protected override DbConnection Open(ITestDatabase database)
    {
        var connection = new NpgsqlConnection(database.DatabaseUrl);
        connection.Open();
        return connection;
    }

    // What SQLAlchemy's create_all emits on PostgreSQL for the same models: SERIAL keys, FLOAT, TIMESTAMP WITHOUT TIME ZONE.
    protected override IEnumerable<string> OldSchema(bool withProfileTables) =>
        base.OldSchema(withProfileTables)
            .Select(s => s.Replace("id INTEGER PRIMARY KEY", "id SERIAL PRIMARY KEY", StringComparison.Ordinal)
                .Replace("DATETIME", "TIMESTAMP WITHOUT TIME ZONE", StringComparison.Ordinal));
}
