namespace ProjectTracker.Web.Jobs;

/// <summary>
/// A background reader that looks at the database every <c>interval</c> on the app's clock, for what another instance
/// did that this process cannot hear of otherwise. A failed look is logged and the next tick tries again.
/// </summary>
public abstract class DatabaseWatcher(TimeSpan interval, TimeProvider time, ILogger logger, string whatItReads) : BackgroundService
{
    // Started with the service, not with the loop: a tick that comes before the loop waits for it is kept, not lost.
    private readonly PeriodicTimer _timer = new(interval, time);

    /// <summary>False when there is nothing to watch (e.g. job storage no other instance shares): no timer runs.</summary>
    protected virtual bool IsNeeded => true;

    protected abstract Task LookAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsNeeded)
        {
            return;
        }

        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await LookAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not read {What} for open dashboards", whatItReads);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }
}
