using System.Collections.Concurrent;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Api;

/// <summary>Endpoint metadata: the endpoint's 200 answers may be served from <see cref="ResponseCache"/>.</summary>
public sealed class CachedRead
{
    public static readonly CachedRead Instance = new();
}

/// <summary>
/// Serialized answers of the read endpoints, keyed by path and query. An entry is served only while no write has been
/// committed by this process since it was read (<see cref="DataVersion"/>) and for at most <c>Api:ResponseCacheSeconds</c>
/// (default 2) plus the time of one database read: the bound on how late a write made by another instance on the same
/// database shows here. 0 turns it off.
/// </summary>
public sealed class ResponseCache(DataVersion version, TimeProvider time, TimeSpan maxAge)
{
    // A bound on memory, whatever ranges clients ask for: full means start again empty.
    private const long MaxBytes = 64 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly ConcurrentDictionary<string, (long Version, Task<Entry?> Task)> _fills = new();
    private readonly Lock _lock = new();
    private long _bytes;

    public TimeSpan MaxAge => maxAge;

    public bool Enabled => MaxAge > TimeSpan.Zero;

    /// <summary>The version to store an answer under: read before the answer's data is, so a write in between makes it stale.</summary>
    public long Version => version.Current;

    public bool TryGet(string key, out Entry entry)
    {
        if (_entries.TryGetValue(key, out entry!) && entry.Version == version.Current && time.GetElapsedTime(entry.StoredAt) < MaxAge)
        {
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>
    /// An entry too old to serve but read at <paramref name="readVersion"/>: nothing this process wrote since. While one
    /// request reads the database again, the others are answered from it, so an expiry does not stall them all.
    /// </summary>
    public bool TryGetExpired(string key, long readVersion, out Entry entry)
    {
        if (_entries.TryGetValue(key, out entry!) && entry.Version == readVersion)
        {
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>
    /// The answer being computed for <paramref name="key"/> at <paramref name="readVersion"/> by another request, or
    /// <paramref name="ours"/> (now registered) when there is none.
    /// </summary>
    public Task<Entry?> JoinOrStartFill(string key, long readVersion, Task<Entry?> ours)
    {
        var fill = _fills.AddOrUpdate(key, (readVersion, ours), (_, running) => running.Version == readVersion ? running : (readVersion, ours));
        return fill.Task;
    }

    public void EndFill(string key, Task<Entry?> ours)
    {
        if (_fills.TryGetValue(key, out var fill) && fill.Task == ours)
        {
            _fills.TryRemove(new KeyValuePair<string, (long, Task<Entry?>)>(key, fill));
        }
    }

    public void Set(string key, long readVersion, Entry answer)
    {
        var body = answer.Body;
        var entry = answer with { Version = readVersion, StoredAt = time.GetTimestamp() };
        lock (_lock)
        {
            if (_bytes + body.Length > MaxBytes)
            {
                _entries.Clear();
                _bytes = 0;
            }

            _bytes += body.Length - (_entries.TryGetValue(key, out var old) ? old.Body.Length : 0);
            _entries[key] = entry;
        }
    }

    public sealed record Entry(long Version, long StoredAt, byte[] Body, string ContentType);
}
