using System.Collections.Concurrent;
using System.Reflection;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>How a test host runs the background jobs its requests enqueue.</summary>
public enum TestJobs
{
    /// <summary>
    /// At once, on the thread pool, in a DI scope of the same host (<see cref="InlineJobClient"/>); no Hangfire server,
    /// so no polling, no recurring schedule firing on the wall clock, and nothing shared with other hosts.
    /// </summary>
    Inline,

    /// <summary>The app's own Hangfire server on its job storage: for tests about the storage or several instances.</summary>
    Hangfire,
}

/// <summary>
/// A test's <see cref="IBackgroundJobClient"/>: an enqueued job runs the job's own code (the class from a DI scope of this
/// host, the method with its arguments, a <see cref="CancellationToken"/> argument being the host's stopping token) on
/// the thread pool, as a Hangfire worker would run it, without job storage or a server. Its id is not in the job storage:
/// at a restart the app then resumes the job's row, as it does after in-memory storage is lost. Not what Hangfire adds
/// around a job: no automatic retry (a failure is logged, as Hangfire's would be), no <see cref="DisableConcurrentExecutionAttribute"/>
/// lock; tests of those run on <see cref="TestJobs.Hangfire"/> or call the job class directly.
/// </summary>
public sealed class InlineJobClient(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<InlineJobClient> logger)
    : IBackgroundJobClient, IHostedService
{
    private readonly ConcurrentDictionary<string, Task> _running = new();
    private int _lastId;

    /// <summary>Completes when every job enqueued so far has ended.</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Values);

    public string Create(Job job, IState state)
    {
        if (state is not EnqueuedState)
        {
            throw new NotSupportedException($"The inline job client runs enqueued jobs only, not {state.Name} ones.");
        }

        var id = $"inline-{Interlocked.Increment(ref _lastId)}";
        _running[id] = Task.Run(() => RunAsync(id, job));
        return id;
    }

    public bool ChangeState(string jobId, IState state, string? expectedState) =>
        throw new NotSupportedException("The inline job client does not change a job's state.");

    private async Task RunAsync(string id, Job job)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var instance = job.Method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, job.Type);
            var arguments = job.Method.GetParameters()
                .Select((parameter, i) => parameter.ParameterType == typeof(CancellationToken) ? lifetime.ApplicationStopping : job.Args[i])
                .ToArray();
            if (job.Method.Invoke(instance, arguments) is Task task)
            {
                await task;
            }
        }
        catch (Exception e)
        {
            var error = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            logger.LogWarning(error, "Inline job {JobId} ({Type}.{Method}) failed", id, job.Type.Name, job.Method.Name);
        }
        finally
        {
            _running.TryRemove(id, out _);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The host stops after its jobs (told to stop through their token) have ended, or, like a Hangfire server, when the
    /// host's shutdown timeout ends first.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Stopped with {Count} inline job(s) still running", _running.Count);
        }
    }
}

public static class InlineJobsServiceCollectionExtensions
{
    /// <summary>Replaces the app's Hangfire client and server by an <see cref="InlineJobClient"/>.</summary>
    public static IServiceCollection UseInlineJobs(this IServiceCollection services)
    {
        // AddHangfireServer registers its server as a factory of IHostedService; its return type names it.
        var servers = services.Where(s => s.ServiceType == typeof(IHostedService)
            && s.ImplementationFactory?.Method.ReturnType == typeof(BackgroundJobServerHostedService)).ToList();
        if (servers.Count == 0)
        {
            throw new InvalidOperationException("No Hangfire server registration found to replace; has AddHangfireServer changed?");
        }

        foreach (var server in servers)
        {
            services.Remove(server);
        }

        services.AddSingleton<InlineJobClient>();
        services.Replace(ServiceDescriptor.Singleton<IBackgroundJobClient>(sp => sp.GetRequiredService<InlineJobClient>()));
        services.AddHostedService(sp => sp.GetRequiredService<InlineJobClient>());
        return services;
    }
}
