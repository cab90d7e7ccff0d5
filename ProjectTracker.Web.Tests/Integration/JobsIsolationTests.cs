using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// Several app hosts in one process (every test run) keep their background jobs apart: Hangfire's static activator is
/// whichever host configured Hangfire last, so a host that built its jobs with it could run them on another host's
/// database and clock.
/// </summary>
public sealed class JobsIsolationTests
{
    [Fact]
    public async Task JobActivator_OfAHostStartedBeforeAnother_BuildsJobsFromItsOwnServices()
    {
        await using var first = new TrackerAppFactory(SqliteTestDatabase.Migrated());
        await using var second = new TrackerAppFactory(SqliteTestDatabase.Migrated(), clock: new(TrackerAppFactory.Now.AddDays(1)));
        first.CreateClient().Dispose();
        second.CreateClient().Dispose(); // configures Hangfire after the first: the static activator is now the second's

        var activator = first.Services.GetRequiredService<JobActivator>();
        using var scope = activator.BeginScope((JobActivatorContext)null!);

        Assert.NotSame(JobActivator.Current, activator);
        Assert.Same(first.Clock, scope.Resolve(typeof(TimeProvider)));
    }

    [Fact]
    public async Task InlineJobs_EnqueuedJob_RunsInThisHostWithItsStoppingToken_AndNoHangfireServerRuns()
    {
        await using var app = new TrackerAppFactory(SqliteTestDatabase.Migrated());
        app.CreateClient().Dispose();
        var probe = new TaskCompletionSource<(TimeProvider Clock, CancellationToken Token)>(TaskCreationOptions.RunContinuationsAsynchronously);
        ClockProbeJob.Seen = probe;

        var id = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ClockProbeJob>(job => job.RunAsync(CancellationToken.None));
        var (clock, token) = await probe.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("inline-", id);
        Assert.Same(app.Clock, clock);
        Assert.Equal(app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping, token);
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), service => service is BackgroundJobServerHostedService);
    }

    /// <summary>A job that reports the clock it was built with and the token it was given.</summary>
    public sealed class ClockProbeJob(TimeProvider clock)
    {
        public static TaskCompletionSource<(TimeProvider Clock, CancellationToken Token)>? Seen { get; set; }

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Seen?.TrySetResult((clock, cancellationToken));
            return Task.CompletedTask;
        }
    }
}
