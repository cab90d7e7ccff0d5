using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>Waiting until a moment survives a clock that moves while the wait is being set up.</summary>
public sealed class ClockWaitsTests
{
    [Fact]
    public async Task DelayUntil_ClockMovesPastTheMomentWhileTheTimerIsMade_EndsTheWait()
    {
        var clock = new ClockAdvancedWhileTimersAreMade(TimeSpan.FromMinutes(11));

        await clock.DelayUntilAsync(clock.GetUtcNow().AddMinutes(10), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task DelayUntil_MomentAhead_WaitsForTheClock()
    {
        var clock = new FakeTimeProvider();

        var waiting = clock.DelayUntilAsync(clock.GetUtcNow().AddMinutes(10), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>A test's clock advanced between computing a wait and making its timer, the race this guards.</summary>
    private sealed class ClockAdvancedWhileTimersAreMade(TimeSpan step) : FakeTimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Advance(step);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
