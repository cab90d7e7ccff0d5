using System.Collections.Concurrent;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Simulators.Whoop;

/// <summary>The fake WHOOP's member data, limits, planned faults and request log. Thread-safe.</summary>
public sealed class WhoopSimulatorState(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly List<(string PathPrefix, int Status, int? RetryAfterSeconds)> _faults = [];
    private int _used;
    private DateTimeOffset _windowStart = time.GetUtcNow();

    public TimeProvider Time { get; } = time;
    public HashSet<string> AccessTokens { get; } = ["whoop-access-token"];
    public HashSet<string> RefreshTokens { get; } = ["whoop-refresh-token"];
    public string ClientId { get; set; } = "whoop-client";
    public string ClientSecret { get; set; } = "whoop-secret";
    public int AccessTokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Refresh-token grants answered with new tokens.</summary>
    public int TokenRefreshes => _tokenRefreshes;
    private int _tokenRefreshes;

    private readonly Dictionary<string, string> _codes = [];

    /// <summary>The authorization endpoint approves at once: a one-time code for this redirect URI.</summary>
    internal string IssueCode(string redirectUri)
    {
        lock (_lock)
        {
            var code = Guid.NewGuid().ToString("N");
            _codes[code] = redirectUri;
            return code;
        }
    }

    /// <summary>Exchanges a code once (for the redirect URI it was issued to) for a fresh token pair.</summary>
    internal (string Access, string Refresh)? Redeem(string code, string redirectUri)
    {
        lock (_lock)
        {
            if (!_codes.Remove(code, out var issuedFor) || issuedFor != redirectUri)
            {
                return null;
            }

            var n = Interlocked.Increment(ref _codesRedeemed);
            var pair = ($"whoop-access-code-{n}", $"whoop-refresh-code-{n}");
            AccessTokens.Add(pair.Item1);
            RefreshTokens.Add(pair.Item2);
            return pair;
        }
    }

    private int _codesRedeemed;

    /// <summary>WHOOP's rotation: a refresh token works once; the old access tokens stop working.</summary>
    internal (string Access, string Refresh)? Rotate(string refreshToken)
    {
        lock (_lock)
        {
            if (!RefreshTokens.Remove(refreshToken))
            {
                return null;
            }

            AccessTokens.Clear();
            var n = Interlocked.Increment(ref _tokenRefreshes);
            var pair = ($"whoop-access-{n}", $"whoop-refresh-{n}");
            AccessTokens.Add(pair.Item1);
            RefreshTokens.Add(pair.Item2);
            return pair;
        }
    }
    /// <summary><c>DELETE /v2/user/access</c>: the member's grant is gone, with every token issued under it.</summary>
    internal void RevokeAccess()
    {
        lock (_lock)
        {
            AccessTokens.Clear();
            RefreshTokens.Clear();
            Revocations++;
        }
    }

    public int Revocations { get; private set; }

    public WhoopUserProfile Profile { get; set; } = new(10129, "athlete@example.com", "Alex", "Rivera");
    public int RequestsPerMinute { get; set; } = 100;

    public ConcurrentDictionary<long, WhoopCycleRecord> Cycles { get; } = new();
    public ConcurrentDictionary<string, WhoopSleepRecord> Sleeps { get; } = new();
    public ConcurrentDictionary<long, WhoopRecoveryRecord> Recoveries { get; } = new();
    public ConcurrentDictionary<string, WhoopWorkoutRecord> Workouts { get; } = new();
    public ConcurrentQueue<(string PathAndQuery, int StatusCode)> Requests { get; } = new();

    public void AddFault(string pathPrefix, int statusCode, int? retryAfterSeconds = null, int times = 1)
    {
        lock (_lock)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Add((pathPrefix, statusCode, retryAfterSeconds));
            }
        }
    }

    internal (int Status, int? RetryAfter)? TakeFault(string path)
    {
        lock (_lock)
        {
            var index = _faults.FindIndex(f => path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            return (fault.Status, fault.RetryAfterSeconds);
        }
    }

    /// <summary>Counts a request against the per-minute budget: (allowed, remaining, seconds to the window's reset).</summary>
    internal (bool Allowed, int Remaining, int ResetSeconds) Consume()
    {
        lock (_lock)
        {
            var now = Time.GetUtcNow();
            if (now - _windowStart >= TimeSpan.FromMinutes(1))
            {
                _windowStart = now;
                _used = 0;
            }

            var reset = (int)Math.Ceiling((_windowStart.AddMinutes(1) - now).TotalSeconds);
            if (_used >= RequestsPerMinute)
            {
                return (false, 0, reset);
            }

            _used++;
            return (true, RequestsPerMinute - _used, reset);
        }
    }
}
