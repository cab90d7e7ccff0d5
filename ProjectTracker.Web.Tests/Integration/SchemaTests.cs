using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>The migrations of each provider create the old app's tables and columns, and match the model.</summary>
public abstract class SchemaTests(AppFixture fixture)
{
    /// <summary>The old Flask app's tables and columns (seed/backend-architecture.md and its models.py).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> OldColumns = new Dictionary<string, string[]>
    {
        ["project"] = ["id", "name", "time_spent_min", "loc", "commit_count", "active_days", "last_commit_date", "code_churn",
            "primary_language", "repository_size_kb"],
        ["refresh_job"] = ["id", "status", "started_at", "completed_at", "error_message", "repositories_processed", "total_repositories"],
        ["whoop_recovery"] = ["id", "cycle_id", "date", "recovery_score", "resting_heart_rate", "hrv_rmssd", "spo2_percentage",
            "skin_temp_celsius", "created_at"],
        ["whoop_sleep"] = ["id", "sleep_id", "date", "start_time", "end_time", "total_sleep_hours", "sleep_performance",
            "sleep_efficiency", "sleep_consistency", "rem_sleep_min", "deep_sleep_min", "light_sleep_min", "awake_min",
            "respiratory_rate", "created_at"],
        ["whoop_workout"] = ["id", "workout_id", "start_time", "end_time", "sport_id", "sport_name", "strain", "average_heart_rate",
            "max_heart_rate", "calories", "distance_meters", "duration_min", "created_at"],
        ["whoop_cycle"] = ["id", "cycle_id", "start_time", "end_time", "strain", "kilojoules", "average_heart_rate", "max_heart_rate",
            "created_at"],
        ["whoop_profile"] = ["id", "user_id", "first_name", "last_name", "email", "created_at", "updated_at"],
        ["whoop_sync_status"] = ["id", "last_sync_at", "last_sync_type", "records_synced", "status", "error_message"],
    };

    private async Task<TrackerDbContext> ContextAsync() =>
        await fixture.App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task Migrations_AtStartup_AreAllAppliedAndMatchTheModel()
    {
        await using var db = await ContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add for both providers");
    }

    [Fact]
    public async Task Migrations_FirstMigration_IsExactlyTheOldSchema()
    {
        await using var db = await ContextAsync();

        var first = db.Database.GetMigrations().First();

        Assert.EndsWith("_LegacySchema", first);
    }

    [Theory]
    [InlineData("project")]
    [InlineData("refresh_job")]
    [InlineData("whoop_recovery")]
    [InlineData("whoop_sleep")]
    [InlineData("whoop_workout")]
    [InlineData("whoop_cycle")]
    [InlineData("whoop_profile")]
    [InlineData("whoop_sync_status")]
    public async Task Table_AfterMigration_HasEveryOldColumn(string table)
    {
        await using var db = await ContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync();

        var columns = (await reader.GetColumnSchemaAsync()).Select(c => c.ColumnName).ToArray();

        Assert.Empty(OldColumns[table].Except(columns));
    }
}

public sealed class SqliteSchemaTests(SqliteEmptyApp fixture) : SchemaTests(fixture), IClassFixture<SqliteEmptyApp>;

public sealed class PostgresSchemaTests(PostgresEmptyApp fixture) : SchemaTests(fixture), IClassFixture<PostgresEmptyApp>;
