using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>When the gate lets a GitHub request go out, on a fake clock: budget, spent limit and secondary pauses.</summary>
public sealed class GitHubRequestGateTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
    private readonly List<string?> _statuses = [];
    private readonly GitHubRequestGate _gate;

    public GitHubRequestGateTests() =>
        _gate = new GitHubRequestGate(new GitHubOptions { MaxRateLimitWait = TimeSpan.FromMinutes(30) }, _clock, Report);

    [Fact]
    public async Task Observe_WithoutRemainingOrReset_IsIgnored()
    {
        _gate.Observe(0, null);
        _gate.Observe(null, _clock.GetUtcNow().AddMinutes(10));

        using var slot = await EnterNowAsync();
        Assert.Empty(_statuses);
    }

    [Fact]
    public async Task Observe_OlderWindowIgnored_SameWindowKeepsTheLowestRemaining()
    {
        var reset = _clock.GetUtcNow().AddMinutes(10);
        _gate.Observe(1, reset);
        _gate.Observe(5, reset.AddMinutes(-60)); // an answer from the previous window, arriving late
        _gate.Observe(3, reset);                 // an older answer of this window

        using var only = await EnterNowAsync();
        var waiting = _gate.EnterAsync(CancellationToken.None);

        Assert.False(waiting.IsCompleted);
        Assert.Equal("GitHub's rate limit is used up; waiting until 12:10:00 UTC for it to reset.", Assert.Single(_statuses));
        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task Enter_SpentLimitResettingAfterTheLongestWait_StopsSayingUntilWhen()
    {
        _gate.Observe(0, _clock.GetUtcNow().AddMinutes(45));

        var error = await Assert.ThrowsAsync<GitHubSyncException>(() => _gate.EnterAsync(CancellationToken.None));

        Assert.StartsWith("GitHub's rate limit is used up until 2026-03-14 12:45 UTC.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkExhausted_WithoutAReset_WaitsAMinute_ElseKeepsTheKnownReset()
    {
        _gate.MarkExhausted(null);
        var waiting = _gate.EnterAsync(CancellationToken.None);
        Assert.Equal("GitHub's rate limit is used up; waiting until 12:01:00 UTC for it to reset.", Assert.Single(_statuses));
        _clock.Advance(TimeSpan.FromSeconds(61));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();

        _statuses.Clear();
        _gate.Observe(10, _clock.GetUtcNow().AddMinutes(5));
        _gate.MarkExhausted(null);
        waiting = _gate.EnterAsync(CancellationToken.None);
        Assert.Equal("GitHub's rate limit is used up; waiting until 12:06:01 UTC for it to reset.", Assert.Single(_statuses));
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public void PauseAll_WithoutRetryAfter_WaitsAMinuteDoublingOnRepeats_ElseAsAsked()
    {
        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(10)],
            [_gate.PauseAll(null), _gate.PauseAll(null), _gate.PauseAll(null), _gate.PauseAll(TimeSpan.FromSeconds(10))]);
    }

    [Fact]
    public async Task PauseAll_ShorterPauseAfterALongerOne_DoesNotShortenIt()
    {
        _gate.PauseAll(TimeSpan.FromMinutes(2));
        _gate.PauseAll(TimeSpan.FromSeconds(10));

        var waiting = _gate.EnterAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.False(waiting.IsCompleted);
        Assert.Equal("GitHub asked to slow down (secondary rate limit); every request waits 120 s.", _statuses[0]);
        _clock.Advance(TimeSpan.FromMinutes(2));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task Slot_DisposedTwice_LeavesOnce()
    {
        _gate.Observe(2, _clock.GetUtcNow().AddMinutes(10));
        var first = await EnterNowAsync();
        using var second = await EnterNowAsync();

        first.Dispose();
        first.Dispose();
        using var third = await EnterNowAsync();
        using var cancel = new CancellationTokenSource();
        var fourth = _gate.EnterAsync(cancel.Token);

        Assert.False(fourth.IsCompleted); // two in flight use up a budget of two
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fourth.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private async Task<IDisposable> EnterNowAsync()
    {
        var entering = _gate.EnterAsync(CancellationToken.None);
        Assert.True(entering.IsCompleted, "the gate held a request it should have let through");
        return await entering;
    }

    private Task Report(string? status)
    {
        _statuses.Add(status);
        return Task.CompletedTask;
    }
}
