using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>The real app as its own process (<c>dotnet ProjectTracker.Web.dll</c>) in a fresh working folder.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly string[] InheritedSettings =
    [
        "DATABASE_URL", "PORT", "GITHUB_ACCESS_TOKEN", "WHOOP_CLIENT_ID", "WHOOP_CLIENT_SECRET", "WHOOP_ACCESS_TOKEN",
        "WHOOP_REFRESH_TOKEN", "CORS_ORIGINS", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "TEST_POSTGRES_URL",
    ];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    private AppProcess(Process process, string folder)
    {
        _process = process;
        Folder = folder;
    }

    public string Folder { get; }
    public string Output { get { lock (_output) { return _output.ToString(); } } }
    public string Errors { get { lock (_errors) { return _errors.ToString(); } } }

    public static AppProcess Start(IReadOnlyDictionary<string, string> environment, string? folder = null, string[]? arguments = null)
    {
        folder ??= Directory.CreateTempSubdirectory("pt-process-").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ProjectTracker.Web.dll"), .. arguments ?? []])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in InheritedSettings)
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(new Process { StartInfo = start }, folder);
        app._process.OutputDataReceived += (_, e) => app.Append(app._output, e.Data, listening: e.Data?.Contains("Now listening on:") == true);
        app._process.ErrorDataReceived += (_, e) => app.Append(app._errors, e.Data, listening: false);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The exit code, waiting at most a minute.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Waits for Kestrel's "Now listening on:" line, failing early with the output if the process exits.</summary>
    public async Task WaitUntilListeningAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_listening.Task, exited).WaitAsync(TimeSpan.FromMinutes(1));
        if (first == exited)
        {
            throw new InvalidOperationException($"The app exited with {_process.ExitCode}: {Errors}{Output}");
        }
    }

    /// <summary>Waits (at most two minutes) for a line of output containing <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            _awaited.Add((text, seen));
        }

        return seen.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }

    private void Append(StringBuilder buffer, string? line, bool listening)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
            if (buffer == _output)
            {
                foreach (var (text, seen) in _awaited.Where(a => line.Contains(a.Text, StringComparison.Ordinal)))
                {
                    seen.TrySetResult();
                }
            }
        }

        if (listening)
        {
            _listening.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process; the temp folder is cleaned by the OS later.
        }
    }
}
