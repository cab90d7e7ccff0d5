using System.Collections.Concurrent;

namespace ProjectTracker.Web.Jobs;

/// <summary>
/// One completion per key (a job, a webhook event) that callers can await before or after it happens. Completed ones
/// are dropped once more than <see cref="Kept"/> are held, so a long-running process does not keep one per event forever.
/// </summary>
public sealed class Completions<T>
{
    public const int Kept = 256;

    private readonly ConcurrentDictionary<string, TaskCompletionSource<T>> _byKey = new();

    public Task<T> WhenDone(string key) => For(key).Task;

    public void Complete(string key, T result)
    {
        For(key).TrySetResult(result);
        if (_byKey.Count > Kept)
        {
            foreach (var (done, _) in _byKey.Where(e => e.Value.Task.IsCompleted && e.Key != key))
            {
                _byKey.TryRemove(done, out _);
            }
        }
    }

    public int Count => _byKey.Count;

    private TaskCompletionSource<T> For(string key) =>
        _byKey.GetOrAdd(key, _ => new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously));
}
