using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProjectTracker.Domain.Persistence;

/// <summary>What start-up found and did to the database.</summary>
public sealed record MigrationReport(bool AdoptedLegacyDatabase, IReadOnlyList<string> CreatedLegacyTables, IReadOnlyList<string> AppliedMigrations);

/// <summary>
/// Brings the database to the current schema. A database the old Flask app made (its tables, its rows, no migration
/// history) is adopted: the tables it lacks from the first migration are created, that migration is recorded as applied,
/// and the later migrations — which only add columns, indexes and tables — run on top of the old rows.
/// </summary>
public static class DatabaseMigrator
{
    // Instances started together (docker-compose, a rolling deploy) each migrate at start-up. EF Core's own lock covers
    // one migration's transaction, not the adoption check nor the list of migrations read before it: without this
    // session lock, two instances on a new PostgreSQL database both applied the same migration and one failed to start.
    private const string PostgresLock = "SELECT pg_advisory_lock(hashtext('projecttracker-migrations'))";
    private const string PostgresUnlock = "SELECT pg_advisory_unlock(hashtext('projecttracker-migrations'))";

    public static async Task<MigrationReport> MigrateAsync(TrackerDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return await MigrateUnlockedAsync(db, ct);
        }

        // One open connection for the whole run: the advisory lock belongs to the session that took it.
        await db.Database.OpenConnectionAsync(ct);
        var timeout = db.Database.GetCommandTimeout();
        try
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5)); // waiting for another instance's migration
            await db.Database.ExecuteSqlRawAsync(PostgresLock, ct);
            db.Database.SetCommandTimeout(timeout);
            try
            {
                return await MigrateUnlockedAsync(db, ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(PostgresUnlock, CancellationToken.None);
            }
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<MigrationReport> MigrateUnlockedAsync(TrackerDbContext db, CancellationToken ct)
    {
        await CreateHistoryTableIfMissingAsync(db, ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        var adoptedTables = (await db.Database.GetAppliedMigrationsAsync(ct)).Any() ? null : await AdoptAsync(db, ct);
        await db.Database.MigrateAsync(ct);
        return new MigrationReport(adoptedTables is not null, adoptedTables ?? [], pending.Skip(adoptedTables is null ? 0 : 1).ToList());
    }

    /// <summary>
    /// Npgsql's history repository takes the history table for granted (its <c>ExistsAsync</c> is always true,
    /// npgsql/efcore.pg#3407) and reads it, catching "relation does not exist" — which EF logs as a failed command, three
    /// times on a new database. Made first, the table is simply empty. (SQLite's own check works; this is harmless there.)
    /// </summary>
    private static async Task CreateHistoryTableIfMissingAsync(TrackerDbContext db, CancellationToken ct)
    {
        if (!(await ListTablesAsync(db, ct)).Contains(HistoryRepository.DefaultTableName))
        {
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
        }
    }

    /// <summary>Adopts an old database; when another instance adopts it at the same moment, its adoption stands.</summary>
    private static async Task<string[]?> AdoptAsync(TrackerDbContext db, CancellationToken ct)
    {
        try
        {
            return await AdoptLegacyTablesAsync(db, ct);
        }
        catch (System.Data.Common.DbException)
        {
            if ((await db.Database.GetAppliedMigrationsAsync(ct)).Any())
            {
                return [];
            }

            throw;
        }
    }

    /// <summary>
    /// When the old app's tables exist without a migration history: creates the first migration's missing tables and
    /// records that migration as applied, in one transaction. Answers null for a database without the old tables.
    /// </summary>
    private static async Task<string[]?> AdoptLegacyTablesAsync(TrackerDbContext db, CancellationToken ct)
    {
        var (id, migration) = FirstMigration(db);
        var legacyTables = migration.UpOperations.OfType<CreateTableOperation>().Select(t => t.Name).ToList();
        var existing = await ListTablesAsync(db, ct);
        if (!legacyTables.Any(existing.Contains))
        {
            return null; // a new database: the migrations create everything
        }

        var missing = legacyTables.Where(t => !existing.Contains(t)).ToHashSet();
        var operations = migration.UpOperations
            .Where(o => o is CreateTableOperation table && missing.Contains(table.Name)
                || o is CreateIndexOperation index && missing.Contains(index.Table))
            .ToList();

        var history = db.GetService<IHistoryRepository>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (operations.Count > 0)
        {
            var commands = db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.Model);
            await db.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(commands, db.GetService<IRelationalConnection>(), ct);
        }

        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(id, ProductInfo.GetVersion())), ct);
        await transaction.CommitAsync(ct);
        return missing.Order(StringComparer.Ordinal).ToArray();
    }

    private static (string Id, Migration Migration) FirstMigration(TrackerDbContext db)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var (id, type) = assembly.Migrations.First(); // ordered by id: the legacy schema comes first
        return (id, assembly.CreateMigration(type, db.Database.ProviderName!));
    }

    private static async Task<HashSet<string>> ListTablesAsync(TrackerDbContext db, CancellationToken ct)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'";
        return (await db.Database.SqlQueryRaw<string>(sql).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }
}
