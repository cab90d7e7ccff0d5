using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// The app's own entry point run inside the test process (<see cref="InProcessEntryPoint"/>) for a start that succeeds:
/// Kestrel listens on real sockets, as in a process, until disposed, which stops the app as SIGTERM does. What a process
/// of the same start writes and answers, without a process's seconds of start-up and JIT. The content root is a fresh
/// temporary folder (removed after) or the caller's.
/// </summary>
public sealed class RunningStart : IAsyncDisposable
{
    private readonly CapturedConsole _console;
    private readonly TempFolder? _temporary;
    private readonly Task<int> _exit;
    private readonly IHost _host;

    private RunningStart(CapturedConsole console, TempFolder? temporary, Task<int> exit, IHost host, string folder)
    {
        _console = console;
        _temporary = temporary;
        _exit = exit;
        _host = host;
        Folder = folder;
    }

    /// <summary>The content root (where relative SQLite paths and <c>App_Data</c> go).</summary>
    public string Folder { get; }

    public string Output => _console.Output;

    public string Describe() => $"--- stdout ---\n{_console.Output}\n--- stderr ---\n{_console.Errors}";

    /// <summary>Starts the app with <paramref name="settings"/> (as <see cref="StoppedStart.RunAsync"/> takes them) and waits until it listens.</summary>
    public static async Task<RunningStart> ListeningAsync(IReadOnlyDictionary<string, string> settings, string? folder = null)
    {
        var temporary = folder is null ? new TempFolder() : null;
        var console = CapturedConsole.Start();
        var (exit, host) = InProcessEntryPoint.Start(settings, folder ?? temporary!.Path);
        try
        {
            var first = await Task.WhenAny(exit, console.WrittenAsync("Now listening on:")).WaitAsync(AppProcess.Timeout);
            Assert.False(first == exit, $"The app stopped with {(first == exit ? await exit : 0)} instead of listening.\n{console.Output}\n{console.Errors}");
            return new RunningStart(console, temporary, exit, await host, folder ?? temporary!.Path);
        }
        catch
        {
            temporary?.Dispose();
            throw;
        }
    }

    /// <summary>A client of the app at <paramref name="port"/> on loopback.</summary>
    public static HttpClient Client(int port, HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler()) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = AppProcess.Timeout };

    /// <summary>GETs <paramref name="path"/>, which must answer 200; returns the body.</summary>
    public async Task<string> GetOkAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {body}\n{Describe()}");
        return body;
    }

    /// <summary>Stops the app (as SIGTERM would: the host's lifetime asks it to stop) and waits for the entry point to return 0.</summary>
    public async ValueTask DisposeAsync()
    {
        _host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        try
        {
            var exitCode = await _exit.WaitAsync(AppProcess.Timeout);
            Assert.True(exitCode == 0, $"The app stopped with exit code {exitCode}.\n{Describe()}");
        }
        finally
        {
            _console.Dispose();
            _temporary?.Dispose();
        }
    }
}
