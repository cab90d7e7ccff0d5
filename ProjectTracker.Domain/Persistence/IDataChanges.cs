namespace ProjectTracker.Domain.Persistence;

/// <summary>
/// A token that changes whenever anyone — this process or another instance — commits a write to the database, and is
/// cheap to read: a read model past its age keeps its snapshot, instead of reading and rebuilding it, while the token
/// it was read under still holds. Read the token before the data: a write committed after that changes it.
/// </summary>
public interface IDataChanges
{
    /// <summary>The database's current change token; null when it cannot be told (then the data is read again).</summary>
    Task<string?> ReadTokenAsync(CancellationToken cancellationToken);
}
