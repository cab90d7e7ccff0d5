using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Octokit;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>What the policy makes of each way a GitHub call fails, with calls that fail as scripted and a fake clock.</summary>
public sealed class GitHubCallPolicyTests
{
    private const string What = "alpha's commits";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
    private readonly List<string?> _statuses = [];
    private readonly GitHubCallPolicy _policy;
    private Action<string?> _onStatus = _ => { };

    public GitHubCallPolicyTests()
    {
        var options = new GitHubOptions { RequestAttempts = 2, RetryDelay = TimeSpan.Zero };
        _policy = new GitHubCallPolicy(new GitHubRequestGate(options, _clock, Report), options, _clock, Report);
    }

    [Fact]
    public async Task PrimaryLimitStillSpentAfterEveryReset_StopsAfterThreeWaits()
    {
        var calls = 0;

        var error = await Assert.ThrowsAsync<GitHubSyncException>(() => _policy.RunAsync<int>(What, () =>
        {
            calls++;
            throw Refused(HttpStatusCode.Forbidden, ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "0"));
        }, CancellationToken.None));

        Assert.Equal(4, calls);
        Assert.StartsWith("GitHub still reports its rate limit used up after waiting for the reset, while reading alpha's commits.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrimaryLimitWithoutAReset_WaitsAMinute_ThenAsksAgain()
    {
        var answers = new Queue<Func<int>>([() => throw Refused((HttpStatusCode)429, ("X-RateLimit-Remaining", "0")), () => 7]);
        var asked = new TaskCompletionSource();
        _onStatus = status => { if (status is not null) asked.TrySetResult(); };

        var running = _policy.RunAsync(What, () => Task.FromResult(answers.Dequeue()()), CancellationToken.None);
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(running.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(7, await running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("GitHub's rate limit is used up; waiting until 12:01:00 UTC for it to reset.", _statuses[0]);
    }

    [Fact]
    public async Task SecondaryLimitAgainAndAgain_GivesUpAfterFiveTries_SayingWhy()
    {
        var calls = 0;

        var error = await Assert.ThrowsAsync<GitHubSyncException>(() => _policy.RunAsync<int>(What, () =>
        {
            calls++;
            throw Refused((HttpStatusCode)429, ("Retry-After", "0"));
        }, CancellationToken.None));

        Assert.Equal(5, calls);
        Assert.StartsWith("GitHub kept asking to slow down (secondary rate limit) while reading alpha's commits.", error.Message, StringComparison.Ordinal);
        Assert.Equal("GitHub asked to slow down; every request waits 0 s.", _statuses[0]);
    }

    [Fact]
    public async Task ForbiddenSayingSecondaryLimit_WithUnreadableRetryAfter_PausesAMinute()
    {
        var answers = new Queue<Func<int>>([() => throw Refused(HttpStatusCode.Forbidden, "You have exceeded a secondary rate limit.", ("Retry-After", "soon")), () => 3]);
        var paused = new TaskCompletionSource();
        _onStatus = status => { if (status?.StartsWith("GitHub asked", StringComparison.Ordinal) == true) paused.TrySetResult(); };

        var running = _policy.RunAsync(What, () => Task.FromResult(answers.Dequeue()()), CancellationToken.None);
        await paused.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(3, await running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("GitHub asked to slow down; every request waits 60 s.", _statuses[0]);
    }

    [Fact]
    public async Task ForbiddenResource_IsNoLimit_ButGitHubsAnswerWithItsStatus()
    {
        var error = await Assert.ThrowsAsync<GitHubSyncException>(() =>
            _policy.RunAsync<int>(What, () => throw Refused(HttpStatusCode.Forbidden, "Resource not accessible by integration"), CancellationToken.None));

        Assert.Equal("GitHub answered 403 for alpha's commits: Resource not accessible by integration", error.Message);
        Assert.Equal(403, error.StatusCode);
    }

    [Fact]
    public async Task RefusalWithoutAnAnswerBody_UsesTheExceptionsOwnMessage()
    {
        var error = await Assert.ThrowsAsync<GitHubSyncException>(() =>
            _policy.RunAsync<int>(What, () => throw new ApiException("Not Found", HttpStatusCode.NotFound), CancellationToken.None));

        Assert.Equal("GitHub answered 404 for alpha's commits: Not Found", error.Message);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task BadCredentials_NameTheTokenSetting()
    {
        var error = await Assert.ThrowsAsync<GitHubSyncException>(() =>
            _policy.RunAsync<int>(What, () => throw new AuthorizationException(), CancellationToken.None));

        Assert.Contains("GITHUB_ACCESS_TOKEN", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Exception, string> TransientFailures => new()
    {
        { new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), "could not be reached from here (Connection refused) while reading alpha's commits, 2 times. GitHub was not asked" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "No such host (api.github.com:443)"), "could not be reached from here (No such host (api.github.com:443)) while reading alpha's commits, 2 times. GitHub was not asked" },
        { new HttpRequestException("cut", new IOException("closed")), "broke off its answer (the connection closed before the end) while reading alpha's commits, 2 times. GitHub may be having trouble" },
        { new HttpRequestException("odd"), "could not be reached while reading alpha's commits, 2 times. GitHub may be having trouble" },
        { new TimeoutException(), "did not answer within 30 s (timed out) while reading alpha's commits, 2 times." },
        { new JsonException("cut off"), "sent an answer that is not valid JSON while reading alpha's commits, 2 times." },
        { new ApiException("Bad Gateway", HttpStatusCode.BadGateway), "answered 502 BadGateway while reading alpha's commits, 2 times." },
    };

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task TransientFailure_TriedAgain_ThenDescribedAsAPersonCanAct(Exception failure, string described)
    {
        var calls = 0;

        var error = await Assert.ThrowsAsync<GitHubSyncException>(() => _policy.RunAsync<int>(What, () =>
        {
            calls++;
            throw failure;
        }, CancellationToken.None));

        Assert.Equal(2, calls);
        Assert.StartsWith("GitHub " + described, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_IsTheOneThePolicyRunsThrough()
    {
        var options = new GitHubOptions();
        var gate = new GitHubRequestGate(options, _clock, Report);

        Assert.Same(gate, new GitHubCallPolicy(gate, options, _clock, Report).Gate);
    }

    private static ApiException Refused(HttpStatusCode status, params (string Name, string Value)[] headers) =>
        Refused(status, "refused", headers);

    private static ApiException Refused(HttpStatusCode status, string message, params (string Name, string Value)[] headers) =>
        new(new Answer(status, JsonSerializer.Serialize(new { message }), headers.ToDictionary(h => h.Name, h => h.Value)));

    private Task Report(string? status)
    {
        lock (_statuses)
        {
            _statuses.Add(status);
        }

        _onStatus(status);
        return Task.CompletedTask;
    }

    // GitHub's answer as Octokit hands it to an exception (its own Response class is internal).
    private sealed record Answer(HttpStatusCode StatusCode, object Body, IReadOnlyDictionary<string, string> Headers) : IResponse
    {
        public ApiInfo ApiInfo => null!;
        public string ContentType => "application/json";
    }
}
