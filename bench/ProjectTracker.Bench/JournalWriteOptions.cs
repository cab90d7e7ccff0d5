using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Import;

namespace ProjectTracker.Bench;

/// <summary>
/// The export's journal answers (most of an import's rows) written to a fresh SQLite file three ways, each in one
/// transaction: as the import writes them (every row added to one context, one <c>SaveChanges</c>), through EF Core in
/// chunks with the change tracker cleared between them, and as multi-row <c>INSERT</c>s without EF Core. What a change to
/// the import would gain, measured; the import itself is not changed.
/// </summary>
public static class JournalWriteOptions
{
    private const int Chunk = 2_000;
    private const int RowsPerInsert = 500;

    public static async Task PrintAsync(byte[] zip)
    {
        var now = DateTime.UtcNow;
        var tags = WhoopExportReader.Read(new MemoryStream(zip)).Journal
            .DistinctBy(a => (a.Day, a.Question))
            .Select(a => (Date: WhoopDays.AsStoredDate(a.Day), a.Question, a.Yes, a.Note))
            .ToList();
        DayTag Tag((DateTime Date, string Question, bool Yes, string? Note) a) =>
            new() { Date = a.Date, Name = a.Question, Source = DayTag.JournalSource, Answer = a.Yes, Note = a.Note, CreatedAt = now, UpdatedAt = now };

        Console.WriteLine();
        Console.WriteLine($"The journal's {tags.Count:N0} rows written alone (SQLite, this process, one transaction each; one run):");
        Console.WriteLine();
        Console.WriteLine("| how | ms | allocated, MB |");
        Console.WriteLine("| --- | --- | --- |");
        await TimeAsync("as the import does: all added to one context, one SaveChanges", async db =>
        {
            db.DayTags.AddRange(tags.Select(Tag));
            await db.SaveChangesAsync();
        });
        await TimeAsync($"EF Core, SaveChanges every {Chunk:N0} rows, then ChangeTracker.Clear()", async db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var chunk in tags.Chunk(Chunk))
            {
                db.DayTags.AddRange(chunk.Select(Tag));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        });
        await TimeAsync($"multi-row INSERT, {RowsPerInsert} rows a statement, no EF Core", async db =>
        {
            var connection = db.Database.GetDbConnection();
            foreach (var chunk in tags.Chunk(RowsPerInsert))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                var sql = new StringBuilder("INSERT INTO day_tag (date, name, source, answer, note, created_at, updated_at) VALUES ");
                for (var i = 0; i < chunk.Length; i++)
                {
                    sql.Append(i == 0 ? "" : ", ").Append($"(@d{i}, @n{i}, 'journal', @a{i}, @o{i}, @c, @c)");
                    Add(command, $"@d{i}", chunk[i].Date);
                    Add(command, $"@n{i}", chunk[i].Question);
                    Add(command, $"@a{i}", chunk[i].Yes);
                    Add(command, $"@o{i}", (object?)chunk[i].Note ?? DBNull.Value);
                }

                Add(command, "@c", now);
                command.CommandText = sql.ToString();
                await command.ExecuteNonQueryAsync();
            }
        });
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value);
        command.Parameters.Add(parameter);
    }

    private static async Task TimeAsync(string how, Func<TrackerDbContext, Task> write)
    {
        var folder = Directory.CreateTempSubdirectory("pt-bench-journal-");
        try
        {
            var contexts = new SqliteContexts($"{folder.FullName}/journal.db");
            await using var db = contexts.CreateDbContext();
            await db.Database.MigrateAsync();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await write(db);
                await transaction.CommitAsync();
            }

            watch.Stop();
            var rows = await db.DayTags.CountAsync();
            Console.WriteLine($"| {how} ({rows:N0} rows stored) | {watch.Elapsed.TotalMilliseconds:0} | {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:0} |");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
