using System.Reflection;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// The app's own entry point (Program.cs: the whole start-up, its catch and its exit code) run inside the test process,
/// for a start that is expected to stop: what <see cref="AppProcess"/> gives for it, without a process's second or two.
/// Settings are command-line arguments, which outrank this process's environment; the content root is a fresh temporary
/// folder (removed after) or the caller's. A start that listens instead fails the test (and runs on in this process).
/// </summary>
public sealed record StoppedStart(int ExitCode, string Output, string Errors)
{
    /// <summary>Standard error's lines that are not blank.</summary>
    public IReadOnlyList<string> ErrorLines => Errors.Split('\n').Where(line => !string.IsNullOrWhiteSpace(line)).ToList();

    /// <summary>Everything the start wrote, for failure messages.</summary>
    public string Describe() => $"--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";

    /// <summary>
    /// Runs the entry point with <paramref name="settings"/> (configuration keys, <c>GitHub:ApiBaseUrl</c> or as
    /// environment variables spell them, <c>GitHub__ApiBaseUrl</c>) until it returns.
    /// </summary>
    public static async Task<StoppedStart> RunAsync(IReadOnlyDictionary<string, string> settings, string? folder = null)
    {
        using var temporary = folder is null ? new TempFolder() : null;
        string[] arguments =
        [
            $"--contentRoot={folder ?? temporary!.Path}", "--environment=Production",
            $"--applicationName={typeof(Program).Assembly.GetName().Name}", // else "testhost", whose static assets there are none
            // The runner's own DATABASE_URL and the like are blanked (unset, to the app), as AppProcess leaves them out.
            .. Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(AppProcess.IsInherited).Select(name => Argument(name, "")),
            .. settings.Select(setting => Argument(setting.Key, setting.Value)),
        ];
        using var console = CapturedConsole.Start();
        var entryPoint = typeof(Program).Assembly.EntryPoint!;
        var exit = Task.Factory.StartNew(() => Run(entryPoint, arguments), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var listening = console.WrittenAsync("Now listening on:");
        try
        {
            var first = await Task.WhenAny(exit, listening).WaitAsync(AppProcess.Timeout);
            Assert.True(first == exit, $"The app started listening: it accepted these settings.\n{console.Output}\n{console.Errors}");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The app was expected to stop but still runs after {AppProcess.Timeout}.\n{console.Output}\n{console.Errors}");
        }

        return new StoppedStart(await exit, console.Output, console.Errors);
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
}
