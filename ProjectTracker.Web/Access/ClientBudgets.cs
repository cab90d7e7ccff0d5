using System.Collections.Concurrent;

namespace ProjectTracker.Web.Access;

/// <summary>What a client spends a per-minute allowance on; each has its own (README "Access").</summary>
public enum Budget
{
    /// <summary>Starting a GitHub refresh.</summary>
    GitHubRefresh,

    /// <summary>Starting a WHOOP sync (API or the dashboard's button): WHOOP's quota is the owner's.</summary>
    WhoopRefresh,

    /// <summary>Starting a WHOOP sign-in (<c>/login/whoop</c>), which stores state until WHOOP calls back.</summary>
    SignIn,
}

/// <summary>
/// Per-client allowances: a fixed window per client and budget, opened by its first request, on the app's
/// <see cref="TimeProvider"/> (the framework's limiters read the system clock, so tests could only wait for them). A taken
/// permit can be given back when the request turned out not to be accepted, so only accepted requests count.
/// Per instance: each instance keeps its own windows.
/// </summary>
public sealed class ClientBudgets(TimeProvider time, AccessOptions options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<(Budget, string), ClientWindow> _windows = new();

    public int PermitsPerMinute(Budget budget) => budget switch
    {
        Budget.SignIn => options.SignInPermitsPerMinute,
        _ => options.RefreshPermitsPerMinute,
    };

    /// <summary>A permit, or null with how long until the client's window ends. 0 permits a minute means unlimited.</summary>
    public Permit? TryTake(Budget budget, string client, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var permits = PermitsPerMinute(budget);
        if (permits == 0)
        {
            return Permit.Unlimited;
        }

        if (_windows.Count > SweepAbove)
        {
            Sweep();
        }

        var window = _windows.GetOrAdd((budget, client), _ => new ClientWindow());
        return window.TryTake(time.GetUtcNow(), permits, out retryAfter);
    }

    // Windows that have ended hold nothing worth keeping; a client coming back opens a new one.
    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, window) in _windows)
        {
            if (window.EndedBy(now))
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    internal sealed class ClientWindow
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _end = DateTimeOffset.MinValue;
        private int _used;

        public bool EndedBy(DateTimeOffset now)
        {
            lock (_lock)
            {
                return now >= _end;
            }
        }

        public Permit? TryTake(DateTimeOffset now, int permits, out TimeSpan retryAfter)
        {
            lock (_lock)
            {
                if (now >= _end)
                {
                    _end = now + Window;
                    _used = 0;
                }

                retryAfter = _end - now;
                if (_used >= permits)
                {
                    return null;
                }

                _used++;
                return new Permit(this, _end);
            }
        }

        public void Refund(DateTimeOffset windowEnd)
        {
            lock (_lock)
            {
                // Only into the window it was taken from: a new window starts full anyway.
                if (_end == windowEnd && _used > 0)
                {
                    _used--;
                }
            }
        }
    }

    /// <summary>A permit taken; <see cref="Refund"/> gives it back (once) when its request was not accepted.</summary>
    public sealed class Permit
    {
        public static readonly Permit Unlimited = new(null, default);
        private readonly ClientWindow? _window;
        private readonly DateTimeOffset _windowEnd;
        private int _refunded;

        internal Permit(ClientWindow? window, DateTimeOffset windowEnd)
        {
            _window = window;
            _windowEnd = windowEnd;
        }

        public void Refund()
        {
            if (_window is not null && Interlocked.Exchange(ref _refunded, 1) == 0)
            {
                _window.Refund(_windowEnd);
            }
        }
    }
}
