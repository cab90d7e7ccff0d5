using Microsoft.EntityFrameworkCore;

namespace ProjectTracker.Domain.Persistence;

/// <summary>
/// PostgreSQL's current snapshot (<c>pg_current_snapshot()</c>: the next transaction id and those still in progress).
/// Only transactions that write are given an id, so it stays the same while everyone only reads, and any commit after a
/// token was read changes it: either the committing transaction was in progress then, or it was given its id later.
/// Writes to other databases of the same server change it too, which only costs a read.
/// </summary>
public sealed class PostgresDataChanges(IDbContextFactory<TrackerDbContext> contexts) : IDataChanges
{
    public async Task<string?> ReadTokenAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.SqlQueryRaw<string>("SELECT pg_current_snapshot()::text AS \"Value\"").SingleAsync(cancellationToken);
    }
}
