using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Hosting;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// The app's own entry point (Program.cs: the whole start-up, its catch and its exit code) run inside the test process on
/// a thread of its own, for <see cref="StoppedStart"/> and <see cref="RunningStart"/>. Settings are command-line
/// arguments, which outrank this process's environment; the runner's own <c>DATABASE_URL</c> and the like are blanked, as
/// <see cref="AppProcess"/> leaves them out. The caller's <see cref="CapturedConsole"/> receives what it writes.
/// </summary>
internal static class InProcessEntryPoint
{
    // The host this flow's entry point builds, told by the hosting library's diagnostic event (as WebApplicationFactory learns it).
    private static readonly AsyncLocal<TaskCompletionSource<IHost>?> BuiltHost = new();
    private static readonly Lazy<IDisposable> HostingEvents = new(() => DiagnosticListener.AllListeners.Subscribe(new HostingListeners()));

    /// <summary>Starts the entry point; <c>Exit</c> is its exit code, <c>Host</c> completes once it has built the app.</summary>
    public static (Task<int> Exit, Task<IHost> Host) Start(IReadOnlyDictionary<string, string> settings, string contentRoot)
    {
        _ = HostingEvents.Value;
        string[] arguments =
        [
            $"--contentRoot={contentRoot}", "--environment=Production",
            $"--applicationName={typeof(Program).Assembly.GetName().Name}", // else "testhost", whose static assets there are none
            .. Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(AppProcess.IsInherited).Select(name => Argument(name, "")),
            .. settings.Select(setting => Argument(setting.Key, setting.Value)),
        ];
        var host = new TaskCompletionSource<IHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entryPoint = typeof(Program).Assembly.EntryPoint!;
        var exit = Task.Factory.StartNew(() =>
        {
            BuiltHost.Value = host;
            var code = Run(entryPoint, arguments);
            host.TrySetCanceled(); // it never got that far
            return code;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return (exit, host.Task);
    }

    private static string Argument(string key, string value) => $"--{key.Replace("__", ":", StringComparison.Ordinal)}={value}";

    private static int Run(MethodInfo entryPoint, string[] arguments)
    {
        try
        {
            return (int)entryPoint.Invoke(null, [arguments])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } thrown)
        {
            // What would have ended the process with a stack trace, in the words the process would have used.
            Console.Error.WriteLine($"Unhandled exception. {thrown}");
            return 134;
        }
    }

    private sealed class HostingListeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting")
            {
                listener.Subscribe(new HostBuilt());
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class HostBuilt : IObserver<KeyValuePair<string, object?>>
    {
        // Every test's hosts are announced here; only the one built in an entry point's own flow is taken.
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value is { Key: "HostBuilt", Value: IHost host })
            {
                BuiltHost.Value?.TrySetResult(host);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
