using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// Decides when a job's next GitHub request may go out, for all its workers at once: never while the known remaining
/// budget (<c>X-RateLimit-Remaining</c>) is not above the requests already in flight, never while GitHub's primary limit
/// is spent (until <c>X-RateLimit-Reset</c>), and never during a secondary limit's pause (<c>Retry-After</c>, or a minute
/// doubling on repeats) — GitHub asks clients to stop all requests then, and bans integrations that keep sending.
/// </summary>
public sealed class GitHubRequestGate(GitHubOptions options, TimeProvider time, Func<string?, Task> reportStatus)
{
    private static readonly TimeSpan DefaultSecondaryWait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private int _inFlight;
    private int? _remaining;
    private DateTimeOffset? _reset;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _secondaryStrikes;

    /// <summary>Waits until a request may go out and counts it in flight; dispose the answer when its response is in.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset until;
            string message;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                if (_reset is { } windowReset && now >= windowReset + ClockMargin)
                {
                    (_remaining, _reset) = (null, null); // a new window: the budget is full again
                }

                if (_pausedUntil > now)
                {
                    until = _pausedUntil;
                    message = $"GitHub asked to slow down (secondary rate limit); every request waits {Math.Ceiling((until - now).TotalSeconds):0} s.";
                }
                else if (_remaining is { } remaining && remaining - _inFlight <= 0)
                {
                    var reset = _reset ?? now + DefaultSecondaryWait;
                    until = reset + ClockMargin;
                    if (until - now > options.MaxRateLimitWait)
                    {
                        throw new GitHubSyncException($"GitHub's rate limit is used up until {reset.UtcDateTime:yyyy-MM-dd HH:mm} UTC. The projects refreshed so far are kept; refresh again after that.");
                    }

                    message = $"GitHub's rate limit is used up; waiting until {reset.UtcDateTime:HH:mm:ss} UTC for it to reset.";
                }
                else
                {
                    _inFlight++;
                    return new Slot(this);
                }
            }

            await reportStatus(message);
            // Until a moment, not for a span: reporting takes time, and the clock may have moved meanwhile.
            await time.DelayUntilAsync(until, cancellationToken);

            await reportStatus(null);
        }
    }

    /// <summary>Notes the rate-limit headers of any answer (200, 304, errors alike).</summary>
    public void Observe(int? remaining, DateTimeOffset? reset)
    {
        if (remaining is not { } left || reset is not { } at)
        {
            return;
        }

        lock (_lock)
        {
            if (_reset is null || at > _reset)
            {
                (_remaining, _reset) = (left, at);
            }
            else if (at == _reset)
            {
                _remaining = Math.Min(_remaining ?? left, left); // answers arrive out of order: the lowest is the newest
            }
        }
    }

    /// <summary>GitHub refused a request for the spent primary limit: nothing goes out before the reset.</summary>
    public void MarkExhausted(DateTimeOffset? reset)
    {
        lock (_lock)
        {
            _remaining = 0;
            _reset = reset ?? _reset ?? time.GetUtcNow() + DefaultSecondaryWait;
        }
    }

    /// <summary>A secondary limit: pauses every worker for <paramref name="retryAfter"/>, or a minute doubling on repeats.</summary>
    public TimeSpan PauseAll(TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            _secondaryStrikes++;
            var wait = retryAfter ?? DefaultSecondaryWait * Math.Pow(2, Math.Min(_secondaryStrikes - 1, 6));
            var until = time.GetUtcNow() + wait;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }

            return wait;
        }
    }

    private void Leave()
    {
        lock (_lock)
        {
            _inFlight--;
        }
    }

    private sealed class Slot(GitHubRequestGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave();
            }
        }
    }
}
