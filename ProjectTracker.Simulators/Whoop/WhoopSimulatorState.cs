using System.Collections.Concurrent;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Simulators.Faults;

namespace ProjectTracker.Simulators.Whoop;

/// <summary>The fake WHOOP's member data, limits, planned faults and request log. Thread-safe.</summary>
public sealed class WhoopSimulatorState(TimeProvider time)
{
    private readonly Lock _lock = new();
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

    private readonly Dictionary<string, (string RedirectUri, string? CodeChallenge, string Scope)> _codes = [];

    /// <summary>What the member's grant allows; the tokens of the old app's variables had every scope the app asks for.</summary>
    public string GrantedScope { get; private set; } = string.Join(' ', WhoopScopes.Requested);

    /// <summary>Scopes the member unticks on WHOOP's consent page: left out of the grant.</summary>
    public HashSet<string> DeclinedScopes { get; } = [];

    /// <summary><c>GET /v2/user/measurement/body</c>.</summary>
    public (double HeightMeter, double WeightKilogram, int MaxHeartRate) Body { get; set; } = (1.8288, 90.7185, 200);

    /// <summary>Authorization requests that carried a PKCE <c>code_challenge</c> (S256).</summary>
    public int PkceRequests => _pkceRequests;
    private int _pkceRequests;

    /// <summary>The authorization endpoint approves at once: a one-time code for this redirect URI (and PKCE challenge).</summary>
    internal string IssueCode(string redirectUri, string? codeChallenge, string requestedScope)
    {
        lock (_lock)
        {
            var code = Guid.NewGuid().ToString("N");
            var granted = requestedScope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s => !DeclinedScopes.Contains(s));
            _codes[code] = (redirectUri, codeChallenge, string.Join(' ', granted));
            if (codeChallenge is not null)
            {
                _pkceRequests++;
            }

            return code;
        }
    }

    internal string GrantedScopeOf(string code)
    {
        lock (_lock)
        {
            return _codes[code].Scope;
        }
    }

    /// <summary>
    /// Exchanges a code once (for the redirect URI it was issued to, and with the verifier of its PKCE challenge when it
    /// had one, as Ory Hydra checks) for a fresh token pair.
    /// </summary>
    internal (string Access, string Refresh)? Redeem(string code, string redirectUri, string? codeVerifier)
    {
        lock (_lock)
        {
            if (!_codes.Remove(code, out var issued) || issued.RedirectUri != redirectUri
                || (issued.CodeChallenge is { } challenge && !PkceMatches(challenge, codeVerifier)))
            {
                return null;
            }

            GrantedScope = issued.Scope;
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

    /// <summary>Answers that go wrong on purpose: errors, timeouts, broken bodies, expired or revoked tokens.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>The access tokens stop working; with <paramref name="refreshTokensToo"/> the refresh tokens as well (access revoked).</summary>
    internal void InvalidateTokens(bool refreshTokensToo)
    {
        lock (_lock)
        {
            AccessTokens.Clear();
            if (refreshTokensToo)
            {
                RefreshTokens.Clear();
            }
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

    private static bool PkceMatches(string challenge, string? verifier) =>
        verifier is { Length: >= 43 and <= 128 }
        && Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_') == challenge;
}
