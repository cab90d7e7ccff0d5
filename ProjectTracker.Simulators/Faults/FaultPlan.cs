using System.Threading.Channels;

namespace ProjectTracker.Simulators.Faults;

/// <summary>
/// Faults planned by path prefix, shared by the simulators. Thread-safe. Each plan entry lets <c>after</c> matching
/// requests through (a sync is under way), then serves its fault <c>times</c> times; the first matching entry decides.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];
    private readonly Channel<string> _held = Channel.CreateUnbounded<string>();

    /// <summary>
    /// The path of each request a <see cref="FaultKind.Delay"/> holds, as its wait begins: a test on a fake clock reads one
    /// and advances the clock past the client's timeout instead of waiting the timeout out.
    /// </summary>
    public ChannelReader<string> Held => _held.Reader;

    /// <summary>Faults planned and not served yet: zero once every planned fault was hit.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _entries.Sum(e => e.Times);
            }
        }
    }

    /// <summary>The requests whose path starts with <paramref name="pathPrefix"/> get <paramref name="fault"/>, after <paramref name="after"/> of them went through.</summary>
    public void Add(string pathPrefix, Fault fault, int times = 1, int after = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        lock (_lock)
        {
            _entries.Add(new Entry(pathPrefix, fault) { Times = times, After = after });
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }

    /// <summary>The fault this request gets, if any; counts it.</summary>
    public Fault? Take(string path)
    {
        lock (_lock)
        {
            var entry = _entries.FirstOrDefault(e => path.StartsWith(e.PathPrefix, StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                return null;
            }

            if (entry.After > 0)
            {
                entry.After--;
                return null;
            }

            if (--entry.Times == 0)
            {
                _entries.Remove(entry);
            }

            return entry.Fault;
        }
    }

    internal void OnHeld(string path) => _held.Writer.TryWrite(path);

    private sealed record Entry(string PathPrefix, Fault Fault)
    {
        public int Times { get; set; }
        public int After { get; set; }
    }
}
