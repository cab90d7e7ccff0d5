namespace ProjectTracker.Simulators.Faults;

public enum FaultKind
{
    /// <summary>An error status instead of the answer (with <c>Retry-After</c> when given).</summary>
    Status,

    /// <summary>The answer, but only after <see cref="Fault.Delay"/>: longer than the client waits, it is a timeout.</summary>
    Delay,

    /// <summary>A 200 with the answer's headers and a body that is not JSON (the first half of the real one).</summary>
    MalformedJson,

    /// <summary>A 200 whose <c>Content-Length</c> promises the whole answer; half is sent, then the connection is aborted.</summary>
    TruncatedBody,

    /// <summary>The access tokens stop working early (401); a refresh token still renews them.</summary>
    AccessTokenExpired,

    /// <summary>The member revoked the app: access and refresh tokens stop working (401, then <c>invalid_grant</c>).</summary>
    AccessRevoked,
}

/// <summary>One way a simulated answer goes wrong. Planned per path with <see cref="FaultPlan.Add"/>.</summary>
public sealed record Fault(FaultKind Kind, int StatusCode = 0, int? RetryAfterSeconds = null, TimeSpan Delay = default)
{
    public static Fault Status(int statusCode, int? retryAfterSeconds = null) => new(FaultKind.Status, statusCode, retryAfterSeconds);

    /// <summary>429 with <c>Retry-After</c>; the WHOOP simulator also says its budget is spent until then.</summary>
    public static Fault TooManyRequests(int retryAfterSeconds = 0) => new(FaultKind.Status, 429, retryAfterSeconds);

    public static Fault Slow(TimeSpan delay) => new(FaultKind.Delay, Delay: delay);

    public static Fault MalformedJson { get; } = new(FaultKind.MalformedJson);

    public static Fault TruncatedBody { get; } = new(FaultKind.TruncatedBody);

    public static Fault AccessTokenExpired { get; } = new(FaultKind.AccessTokenExpired);

    public static Fault AccessRevoked { get; } = new(FaultKind.AccessRevoked);

    public override string ToString() => Kind switch
    {
        FaultKind.Status => $"{StatusCode}" + (RetryAfterSeconds is { } s ? $" (Retry-After {s})" : ""),
        FaultKind.Delay => $"delay {Delay.TotalSeconds:0.#} s",
        _ => Kind.ToString(),
    };
}
