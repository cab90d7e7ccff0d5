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

    /// <summary>Organizations the account is a member of: their repositories are listed under <c>organization_member</c>.</summary>
    public HashSet<string> Organizations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The account's emails as <c>GET /user/emails</c> lists them; verified ones link commits to the account.</summary>
    public List<(string Email, bool Verified, bool Primary)> Emails { get; } = [];

    /// <summary>False: <c>GET /user/emails</c> answers 404, as for a token without the email permission.</summary>
    public bool EmailsReadable { get; set; } = true;

    /// <summary>GitHub's secondary limit: until then every request is refused again (and counted as a violation).</summary>
    public SecondaryLimitState SecondaryLimit { get; } = new(time);

    /// <summary>Answers that go wrong on purpose: errors, timeouts, broken bodies, revoked tokens.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>Added to every answer (benchmarks); zero by default.</summary>
    public TimeSpan AddedLatency { get; set; }

    public ConcurrentQueue<SimulatedRequest> Requests { get; } = new();

    /// <summary>
    /// Answers recorded from api.github.com (for example octokit/fixtures), by path: served as they are, with the
    /// simulator's headers, instead of what the simulator would build.
    /// </summary>
    public ConcurrentDictionary<string, string> RecordedAnswers { get; } = new(StringComparer.OrdinalIgnoreCase);

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
        return Push(repository, [NewCommit(repository, author, $"{author}@users.noreply.github.com", authoredAt, authoredAt, message)]);
    }

    /// <summary>
    /// A commit by the account from an email GitHub does not link to it (a laptop's <c>user.email</c>): listed with
    /// <c>"author": null</c>, found by <c>?author=that-email</c> only.
    /// </summary>
    public SimulatedCommit AddUnlinkedCommit(SimulatedRepository repository, DateTime authoredAt, string email)
    {
        var linked = Emails.Any(e => e.Verified && e.Email.Equals(email, StringComparison.OrdinalIgnoreCase));
        return Push(repository, [NewCommit(repository, linked ? Login : null, email, authoredAt, authoredAt, "Change from the laptop")]);
    }

    /// <summary>
    /// Merges a branch whose commits are old (authored and committed on <paramref name="branchCommitTimes"/>) with a merge
    /// commit at <paramref name="mergedAt"/>: what GitHub's <c>since</c> (by commit date) would never list again.
    /// </summary>
    public IReadOnlyList<SimulatedCommit> MergeOldBranch(SimulatedRepository repository, IEnumerable<DateTime> branchCommitTimes, DateTime mergedAt)
    {
        var commits = branchCommitTimes
            .Select((t, i) => NewCommit(repository, Login, $"{Login}@users.noreply.github.com", t, t, $"Branch work {i}"))
            .Append(NewCommit(repository, Login, $"{Login}@users.noreply.github.com", mergedAt, mergedAt, "Merge branch 'old-work'"))
            .ToList();
        Push(repository, commits);
        return commits;
    }

    /// <summary>A force-push that drops the newest <paramref name="dropped"/> commits of the default branch.</summary>
    public void ForcePush(SimulatedRepository repository, int dropped)
    {
        lock (_lock)
        {
            var start = repository.Commits.Count - dropped;
            repository.Dropped.AddRange(repository.Commits.Skip(start));
            repository.Commits.RemoveRange(start, dropped);
            repository.PushedAt = repository.PushedAt.AddSeconds(1);
        }
    }

    /// <summary>The repository is deleted (or its access revoked): gone from every answer.</summary>
    public void RemoveRepository(SimulatedRepository repository)
    {
        lock (_lock)
        {
            _repositories.Remove(repository);
        }
    }

    private SimulatedCommit NewCommit(SimulatedRepository repository, string? login, string email, DateTime authoredAt, DateTime committedAt, string message)
    {
        var sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(
            $"{repository.Id}/{repository.Commits.Count + repository.Dropped.Count}/{authoredAt:O}/{email}/{message}")));
        return new SimulatedCommit(sha, login, authoredAt, committedAt, message) { AuthorEmail = email, AuthorName = login ?? email.Split('@')[0] };
    }

    private SimulatedCommit Push(SimulatedRepository repository, IReadOnlyList<SimulatedCommit> commits)
    {
        lock (_lock)
        {
            repository.Commits.AddRange(commits);
            var newest = commits.Max(c => c.CommittedAt);
            var moved = repository.PushedAt.AddSeconds(1);
            repository.PushedAt = moved > newest ? moved : newest;
        }

        return commits[^1];
    }

    /// <summary>Whether the account sees the repository under the listing's <c>affiliation</c> values.</summary>
    public bool IsAffiliated(SimulatedRepository repository, IReadOnlyCollection<string> affiliations) =>
        (affiliations.Contains("owner") && repository.Owner.Equals(Login, StringComparison.OrdinalIgnoreCase))
        || (affiliations.Contains("collaborator") && repository.AccountIsCollaborator)
        || (affiliations.Contains("organization_member") && repository.OwnedByOrganization && Organizations.Contains(repository.Owner));

    /// <summary>Readable at all: public, or affiliated in some way.</summary>
    public bool IsVisible(SimulatedRepository repository) =>
        !repository.Private || IsAffiliated(repository, ["owner", "collaborator", "organization_member"]);

    /// <summary>A consistent copy of the default branch's history (pushes happen under the same lock).</summary>
    public List<SimulatedCommit> History(SimulatedRepository repository)
    {
        lock (_lock)
        {
            return [.. repository.Commits];
        }
    }

    public SimulatedRepository? FindRepository(long id)
    {
        lock (_lock)
        {
            return _repositories.FirstOrDefault(r => r.Id == id);
        }
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

/// <summary>
/// GitHub's secondary rate limit: once tripped, every request is refused until the <c>Retry-After</c> passes, and each one
/// sent meanwhile is counted (GitHub warns that continuing to send them can get an integration banned).
/// </summary>
public sealed class SecondaryLimitState(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _until = DateTimeOffset.MinValue;

    /// <summary>Requests that arrived while the limit was in force (after the first refusal).</summary>
    public int RequestsDuringLimit { get; private set; }

    internal void Trip(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + retryAfter;
            _until = until > _until ? until : _until;
        }
    }

    /// <summary>The seconds left when a request arrives while the limit is in force (counted), else null.</summary>
    internal int? Check()
    {
        lock (_lock)
        {
            var left = _until - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            RequestsDuringLimit++;
            return (int)Math.Ceiling(left.TotalSeconds);
        }
    }
}

/// <summary>GitHub's primary rate limit for the one user: a budget per window, reset on the simulator's clock.</summary>
public sealed class RateLimitState(TimeProvider time)
{
    private readonly Lock _lock = new();

    public int Limit { get; set; } = 5000;
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
    public int Remaining { get; set; } = 5000;
    public DateTimeOffset Reset { get; set; } = time.GetUtcNow().AddHours(1);

    /// <summary>The status of a request refused for the spent budget: GitHub documents 403 or 429.</summary>
    public int ExhaustedStatus { get; set; } = 403;

    /// <summary>Requests refused because the budget was spent.</summary>
    public int Refused => _refused;
    private int _refused;

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
                _refused++;
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
