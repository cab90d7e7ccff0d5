namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// The app's own entry point run inside the test process (<see cref="InProcessEntryPoint"/>) for a start that is expected
/// to stop: what <see cref="AppProcess"/> gives for it, without a process's second or two. The content root is a fresh
/// temporary folder (removed after) or the caller's. A start that listens instead fails the test (and runs on in this process).
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
        using var console = CapturedConsole.Start();
        var (exit, _) = InProcessEntryPoint.Start(settings, folder ?? temporary!.Path);
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
}
