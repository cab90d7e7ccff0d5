namespace ProjectTracker.Domain.Time;

public static class ClockWaits
{
    /// <summary>
    /// Waits until <paramref name="until"/> on <paramref name="time"/>. The clock is read again once the timer exists: a
    /// clock that moved past the moment between computing the wait and making the timer (a test's clock advanced then)
    /// ends the wait instead of leaving a timer for the whole span from the new "now".
    /// </summary>
    public static async Task DelayUntilAsync(this TimeProvider time, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (until - time.GetUtcNow() is not { Ticks: > 0 } wait)
        {
            return;
        }

        var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (time.CreateTimer(_ => elapsed.TrySetResult(), null, wait, Timeout.InfiniteTimeSpan))
        {
            if (time.GetUtcNow() >= until)
            {
                elapsed.TrySetResult();
            }

            await elapsed.Task.WaitAsync(cancellationToken);
        }
    }
}
