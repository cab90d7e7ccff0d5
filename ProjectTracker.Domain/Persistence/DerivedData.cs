using System.Collections.Concurrent;

namespace ProjectTracker.Domain.Persistence;

/// <summary>
/// What is worked out from one snapshot (labels, charts' drawings, a calendar, weekly averages), made once on first use and
/// kept with the snapshot, so it lives exactly as long as that snapshot and a new data version starts afresh (decision
/// 0020). Every open page showing the snapshot shares one copy. The snapshot is never modified, so neither is anything
/// made from it; a key names what is made and from which part of the snapshot (a list it holds, by reference).
/// </summary>
public sealed class DerivedData
{
    private readonly ConcurrentDictionary<object, Lazy<object>> _made = new();

    /// <summary>What <paramref name="key"/> names, made by <paramref name="make"/> the first time it is asked for.</summary>
    public T Of<T>(object key, Func<T> make) where T : class =>
        (T)_made.GetOrAdd(key, static (_, make) => new Lazy<object>(() => make()), make).Value;

    /// <summary>
    /// Made by an asynchronous <paramref name="make"/> (one that also reads what the snapshot depends on): callers arriving
    /// together wait for one making; the first caller's cancellation does not cancel it for the others; a failure is not kept.
    /// </summary>
    public async Task<T> OfAsync<T>(object key, Func<Task<T>> make, CancellationToken cancellationToken) where T : class
    {
        var made = _made.GetOrAdd(key, static (_, make) => new Lazy<object>(() => Started(make)), make);
        var task = (Task<T>)made.Value;
        try
        {
            return await task.WaitAsync(cancellationToken);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            _made.TryRemove(new KeyValuePair<object, Lazy<object>>(key, made));
            throw;
        }
    }

    // A failure of make, even before its first await, is a failed task: kept out of the Lazy, so it is not kept.
    private static async Task<T> Started<T>(Func<Task<T>> make) => await make();

    /// <summary>With <paramref name="derived"/>, kept there; without (a component shown on its own), made for the caller.</summary>
    public static T Of<T>(DerivedData? derived, object key, Func<T> make) where T : class =>
        derived is null ? make() : derived.Of(key, make);
}
