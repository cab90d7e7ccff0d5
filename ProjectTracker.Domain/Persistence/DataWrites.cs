using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProjectTracker.Domain.Persistence;

/// <summary>
/// A number that grows after every write this process commits to the app's database (any table, any code path: sync
/// upserts, webhook deletes, refresh-job progress). Read caches compare it to tell that what they hold may be stale.
/// Writes made by other processes are not seen here; caches bound that with a short lifetime.
/// </summary>
public sealed class DataVersion
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public void Advance() => Interlocked.Increment(ref _value);
}

/// <summary>
/// Advances <see cref="DataVersion"/> after a write is visible to other connections: when its transaction commits, or
/// right after the command when it ran outside one (autocommit). A reader that started before then holds an older version.
/// </summary>
public sealed class DataWriteInterceptor(DataVersion version) : DbCommandInterceptor, IDbTransactionInterceptor
{
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        AfterCommand(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterCommand(command);
        return ValueTask.FromResult(result);
    }

    // EF inserts with RETURNING through a reader: such a statement is done (and, outside a transaction, committed) only
    // once its reader is done, not when it starts executing — advancing earlier would let a read in between be cached
    // under the new version while the write is not yet visible.
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        AfterCommand(command);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Advance();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        version.Advance();
        return Task.CompletedTask;
    }

    // Inside a transaction the commit advances the version; only an autocommitted write needs it here.
    private void AfterCommand(DbCommand command)
    {
        if (command.Transaction is null && IsWrite(command.CommandText))
        {
            version.Advance();
        }
    }

    // Writes to shared_state (sign-in state, sessions, leases) change no data a read endpoint serves: anonymous sign-in
    // attempts must not empty the read caches.
    private static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)
               && !text.Contains("shared_state", StringComparison.Ordinal);
    }
}
