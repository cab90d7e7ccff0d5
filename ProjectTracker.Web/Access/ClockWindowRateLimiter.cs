using System.Threading.RateLimiting;

namespace ProjectTracker.Web.Access;

/// <summary>
/// A fixed window of <c>permits</c> per <c>window</c>, opened by the first request, on the app's <see cref="TimeProvider"/>
/// (the framework's own limiters read the system clock, so tests could only wait for them).
/// </summary>
internal sealed class ClockWindowRateLimiter(TimeProvider time, int permits, TimeSpan window) : RateLimiter
{
    private readonly Lock _lock = new();
    private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
    private int _used;

    // Idle once the window has passed: the partitioned limiter may then drop this client's limiter.
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = time.GetUtcNow();
                return now >= _windowEnd ? now - _windowEnd : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = time.GetUtcNow() >= _windowEnd ? permits : permits - _used };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now >= _windowEnd)
            {
                _windowEnd = now + window;
                _used = 0;
            }

            if (_used + permitCount <= permits)
            {
                _used += permitCount;
                return WindowLease.Granted;
            }

            return new WindowLease(false, _windowEnd - now);
        }
    }

    // No queueing: a refresh that is refused should be told when to come back, not held open.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
