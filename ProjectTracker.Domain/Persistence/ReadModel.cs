namespace ProjectTracker.Domain.Persistence;

/// <summary>
/// One read of some stored data, shared by <c>/api</c>, the exports and every open dashboard instead of each request
/// or circuit reading and holding its own. It is read again as soon as this process commits a write
/// (<see cref="DataVersion"/>), and after at most <c>ReadModel:MaxAgeSeconds</c> otherwise: the bound on how late another
/// instance's write on the same database shows here. Concurrent readers wait for one database read, and under steady
/// traffic the next read starts halfway through the age, so nobody waits; a read that started before a write is never
/// handed to a reader who saw the write. A max age of zero reads every time. Snapshots are never modified once read.
/// With <paramref name="changes"/>, a snapshot past its age is first checked: while nobody has written to the database
/// since it was read (and what else it depends on, <see cref="DependsOnAsync"/>, is the same), it is kept for another
/// age instead of read again — so every open page and request shares one snapshot for as long as nothing changes.
/// </summary>
public abstract class ReadModel<TSnapshot>(DataVersion version, TimeProvider time, TimeSpan maxAge, IDataChanges? changes = null)
    where TSnapshot : class
{
    private sealed record Loaded(long Version, long LoadedAt, string? Token, TSnapshot Snapshot);

    private readonly Lock _lock = new();
    private Loaded? _current;
    private (long Version, Task<Loaded> Task)? _loading;

    public async Task<TSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (maxAge <= TimeSpan.Zero)
        {
            return await LoadAsync(cancellationToken);
        }

        var seen = version.Current;
        if (Volatile.Read(ref _current) is { } current && current.Version == seen && time.GetElapsedTime(current.LoadedAt) is var age && age < maxAge)
        {
            // Read again ahead of time once half the age is gone: under steady traffic nobody waits for a read. A read
            // ahead that fails is only observed here; the first reader past the age reads again and sees the error.
            if (age >= maxAge / 2)
            {
                _ = Load(seen).ContinueWith(static read => read.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return current.Snapshot;
        }

        return (await Load(seen).WaitAsync(cancellationToken)).Snapshot;
    }

    // Joined only when it started at the version this caller saw: an older read may miss a write the caller knows of.
    private Task<Loaded> Load(long seen)
    {
        lock (_lock)
        {
            if (_loading is not { } pending || pending.Version != seen || pending.Task.IsCompleted)
            {
                pending = (seen, LoadAndKeepAsync(seen));
                _loading = pending;
            }

            return pending.Task;
        }
    }

    /// <summary>Reads the snapshot from the database (on a context of its own).</summary>
    protected abstract Task<TSnapshot> LoadAsync(CancellationToken cancellationToken);

    /// <summary>What the snapshot depends on besides the stored data (such as the owner's today); a change reads it again.</summary>
    protected virtual Task<string> DependsOnAsync(CancellationToken cancellationToken) => Task.FromResult("");

    // Not cancelled by the caller who happened to start it: others wait for the same read.
    private async Task<Loaded> LoadAndKeepAsync(long readVersion)
    {
        var loadedAt = time.GetTimestamp();
        // Read before the data, so a write committed while the data is read changes it and is never missed.
        var token = changes is null ? null : await changes.ReadTokenAsync(CancellationToken.None) + "|" + await DependsOnAsync(CancellationToken.None);
        var kept = Volatile.Read(ref _current);
        var loaded = kept is not null && kept.Version == readVersion && token is not null && kept.Token == token
            ? kept with { LoadedAt = loadedAt } // nothing changed: the same snapshot, for another age
            : new Loaded(readVersion, loadedAt, token, await LoadAsync(CancellationToken.None));
        lock (_lock)
        {
            if (_current is null || _current.Version <= loaded.Version && _current.LoadedAt <= loaded.LoadedAt)
            {
                _current = loaded;
            }
        }

        return loaded;
    }
}
