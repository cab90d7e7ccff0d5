using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop.Import;

namespace ProjectTracker.Bench;

/// <summary>
/// Where one import's time and allocations go: the app's <see cref="WhoopImportService"/> run in this process on a fresh
/// SQLite file, with EF Core interceptors marking the transaction, every query and every <c>SaveChanges</c> (and the SQL
/// it ran), so the steps between them (reading the zip, matching records in memory, change tracking) show as gaps.
/// </summary>
public static class ImportProfile
{
    public const string Name = "whoop-import-profile";

    public static async Task<int> RunAsync()
    {
        var (zip, counts) = FiveYearExport.Write();
        Console.WriteLine($"The export: {counts}.");
        await PrintAsync(zip);
        return 0;
    }

    public static async Task PrintAsync(byte[] zip)
    {
        var folder = Directory.CreateTempSubdirectory("pt-bench-import-profile-");
        try
        {
            var timeline = new Timeline();
            var options = new DbContextOptionsBuilder<SqliteTrackerDbContext>()
                .UseSqlite($"Data Source={folder.FullName}/profile.db").AddInterceptors(new SqliteWriteAheadLog(), timeline).Options;
            var contexts = new Contexts(options);
            await using (var db = contexts.CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            timeline.Start();
            await new WhoopImportService(contexts, TimeProvider.System).ImportAsync(new MemoryStream(zip), CancellationToken.None);
            timeline.Mark("import returned");

            Console.WriteLine();
            Console.WriteLine("Where one import's time goes (SQLite, `WhoopImportService` in the benchmark's process, EF Core interceptors marking each step; one run):");
            Console.WriteLine();
            Console.WriteLine("| step (ends with) | ms | of which SQL, ms | allocated, MB |");
            Console.WriteLine("| --- | --- | --- | --- |");
            foreach (var step in timeline.Steps)
            {
                Console.WriteLine($"| {step.Label} | {step.Elapsed.TotalMilliseconds:0} | {step.Sql.TotalMilliseconds:0} | {step.AllocatedBytes / 1048576.0:0} |");
            }

            await JournalWriteOptions.PrintAsync(zip);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private sealed class Contexts(DbContextOptions<SqliteTrackerDbContext> options) : IDbContextFactory<TrackerDbContext>
    {
        public TrackerDbContext CreateDbContext() => new SqliteTrackerDbContext(options);
    }

    private sealed record Step(string Label, TimeSpan Elapsed, TimeSpan Sql, long AllocatedBytes);

    /// <summary>Marks steps as EF Core reaches them; the SQL run since the last mark is counted into the step it ends.</summary>
    private sealed class Timeline : IDbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
    {
        private readonly Stopwatch _clock = new();
        private readonly Dictionary<DbCommand, TimeSpan> _running = [];
        private TimeSpan _last;
        private TimeSpan _sql;
        private long _allocated;
        private int _commands;

        public List<Step> Steps { get; } = [];

        public void Start()
        {
            Steps.Clear();
            (_last, _sql, _commands) = (TimeSpan.Zero, TimeSpan.Zero, 0);
            _allocated = GC.GetTotalAllocatedBytes(precise: true);
            _clock.Restart();
        }

        public void Mark(string label)
        {
            if (!_clock.IsRunning)
            {
                return;
            }

            var now = _clock.Elapsed;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var commands = _commands > 1 ? $" ({_commands} SQL commands)" : "";
            Steps.Add(new Step(label + commands, now - _last, _sql, allocated - _allocated));
            (_last, _sql, _allocated, _commands) = (now, TimeSpan.Zero, allocated, 0);
        }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _running[command] = _clock.Elapsed;
            return ValueTask.FromResult(result);
        }

        public ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Executed(command);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _running[command] = _clock.Elapsed;
            return ValueTask.FromResult(result);
        }

        public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Executed(command);
            return ValueTask.FromResult(result);
        }

        // A query's rows are read after ReaderExecuted: the query is marked when its reader closes.
        public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !_savingChanges)
            {
                Mark($"query `{Summary(command.CommandText)}` ({command.Parameters.Count} parameters)");
            }

            return ValueTask.FromResult(result);
        }

        private bool _savingChanges;

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Mark("in memory, up to SaveChanges");
            _savingChanges = true;
            return ValueTask.FromResult(result);
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            _savingChanges = false;
            Mark($"SaveChanges, {result:N0} rows");
            return ValueTask.FromResult(result);
        }

        public ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            Mark("zip read (`WhoopExportReader`), context created, transaction begun");
            return ValueTask.FromResult(result);
        }

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Mark("commit");
            return Task.CompletedTask;
        }

        private void Executed(DbCommand command)
        {
            if (_running.Remove(command, out var started))
            {
                _sql += _clock.Elapsed - started;
                _commands++;
            }
        }

        private static string Summary(string sql)
        {
            var from = sql.IndexOf("FROM", StringComparison.OrdinalIgnoreCase);
            var table = from < 0 ? sql : sql[(from + 5)..].Split(' ', 2)[0].Trim('"');
            return $"SELECT … FROM {table}";
        }
    }
}
