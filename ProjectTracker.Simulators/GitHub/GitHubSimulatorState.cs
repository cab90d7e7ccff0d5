using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ProjectTracker.Simulators.Faults;

namespace ProjectTracker.Simulators.GitHub;

/// <summary>Everything the fake GitHub knows, thread-safe. Tests arrange data, faults and limits here and read the log.</summary>
public sealed class GitHubSimulatorState(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly List<SimulatedRepository> _repositories = [];
    private long _nextId = 1000;

    public TimeProvider Time { get; } = time;
    public string Login { get; set; } = "octo-owner";
    public long UserId { get; set; } = 1;
    public HashSet<string> Tokens { get; } = ["test-token"];
    public RateLimitState RateLimit { get; } = new(time);

    /// <summary>Answers that go wrong on purpose: errors, timeouts, broken bodies, revoked tokens.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>Added to every answer (benchmarks); zero by default.</summary>
    public TimeSpan AddedLatency { get; set; }

    public ConcurrentQueue<SimulatedRequest> Requests { get; } = new();

    public IReadOnlyList<SimulatedRepository> Repositories
    {
        get
        {
            lock (_lock)
            {
                return [.. _repositories];
            }
        }
    }

    public SimulatedRepository AddRepository(string name, string? owner = null, Action<SimulatedRepository>? configure = null)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var repository = new SimulatedRepository
        {
            Id = Interlocked.Increment(ref _nextId), Name = name, Owner = owner ?? Login, CreatedAt = now.AddYears(-1), PushedAt = now.AddYears(-1),
        };
        configure?.Invoke(repository);
        lock (_lock)
        {
            _repositories.Add(repository);
        }

        return repository;
    }

    /// <summary>Adds a commit and moves <c>pushed_at</c>, as a push does.</summary>
    public SimulatedCommit AddCommit(SimulatedRepository repository, DateTime authoredAt, string? authorLogin = null, string message = "Change")
    {
        var author = authorLogin ?? Login;
        var sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{repository.Id}/{repository.Commits.Count}/{authoredAt:O}/{author}")));
        var commit = new SimulatedCommit(sha, author, authoredAt, authoredAt, message);
        lock (_lock)
        {
            repository.Commits.Add(commit);
            var moved = repository.PushedAt.AddSeconds(1);
            repository.PushedAt = moved > authoredAt ? moved : authoredAt;
        }

        return commit;
    }

    public SimulatedRepository? FindRepository(string owner, string name)
    {
        lock (_lock)
        {
            return _repositories.FirstOrDefault(r =>
                r.Owner.Equals(owner, StringComparison.OrdinalIgnoreCase) && r.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Changes to a repository's statistics (202 count) happen under the state's lock.</summary>
    internal int TakeStatisticsComputingResponse(SimulatedRepository repository)
    {
        lock (_lock)
        {
            return repository.StatisticsComputingResponses > 0 ? repository.StatisticsComputingResponses-- : 0;
        }
    }

    public void ResetRequestLog() => Requests.Clear();
}

public sealed record SimulatedRequest(string Method, string PathAndQuery, int StatusCode, bool Conditional);

/// <summary>GitHub's primary rate limit for the one user: a budget per window, reset on the simulator's clock.</summary>
public sealed class RateLimitState(TimeProvider time)
{
    private readonly Lock _lock = new();

    public int Limit { get; set; } = 5000;
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
    public int Remaining { get; set; } = 5000;
    public DateTimeOffset Reset { get; set; } = time.GetUtcNow().AddHours(1);

    /// <summary>Counts one request; false when the budget is used up.</summary>
    internal bool TryConsume(bool free)
    {
        lock (_lock)
        {
            RollOver();
            if (free)
            {
                return true;
            }

            if (Remaining <= 0)
            {
                return false;
            }

            Remaining--;
            return true;
        }
    }

    internal (int Limit, int Remaining, long Reset) Snapshot()
    {
        lock (_lock)
        {
            RollOver();
            return (Limit, Remaining, Reset.ToUnixTimeSeconds());
        }
    }

    private void RollOver()
    {
        var now = time.GetUtcNow();
        if (now >= Reset)
        {
            Remaining = Limit;
            Reset = now + Window;
        }
    }
}
