namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>
/// One limiter for the whole app (WHOOP's limits are per app: 100 a minute, 10,000 a day): every request waits while the
/// last answer said the budget is spent (<c>X-RateLimit-Remaining: 0</c>) or a 429 asked to back off.
/// </summary>
public sealed class WhoopRateLimiter(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            wait = _blockedUntil - time.GetUtcNow();
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Notes the answer's headers: no requests until the reset when nothing remains.</summary>
    public void Observe(int? remaining, TimeSpan? reset)
    {
        if (remaining is 0 && reset is { } untilReset)
        {
            BlockFor(untilReset);
        }
    }

    public void BlockFor(TimeSpan duration)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + duration;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }
}
