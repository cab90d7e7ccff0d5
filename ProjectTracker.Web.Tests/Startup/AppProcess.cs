using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// The real app as its own process (<c>dotnet ProjectTracker.Web.dll</c>, Production) in a working folder that becomes
/// its content root. Output is captured line by line; disposing kills the whole process tree and removes the folder
/// the process created.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    /// <summary>How long any wait (start-up, exit, a healthy answer) may take before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private const string ListeningLine = "Now listening on:";

    // Settings the test runner's own environment must not leak into the app under test.
    private static readonly string[] InheritedNames =
    [
        "DATABASE_URL", "REDIS_URL", "PORT", "CORS_ORIGINS", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS",
        "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "URLS", "TEST_POSTGRES_URL",
    ];

    private static readonly string[] InheritedPrefixes =
        ["GITHUB_", "WHOOP_", "GitHub__", "Whoop__", "Demo__", "Database__", "Cors__", "Logging__"];

    private readonly Process _process;
    private readonly bool _ownsFolder;
    private readonly Lock _gate = new();
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    private AppProcess(Process process, string folder, bool ownsFolder)
    {
        _process = process;
        Folder = folder;
        _ownsFolder = ownsFolder;
    }

    /// <summary>The operating system's id of the app process (for <c>/proc/&lt;id&gt;/status</c>).</summary>
    public int Id => _process.Id;

    /// <summary>The working folder, which is the app's content root.</summary>
    public string Folder { get; }

    public string Output => Text(_output);

    public string Errors => Text(_errors);

    /// <summary>Standard error's lines that are not blank.</summary>
    public IReadOnlyList<string> ErrorLines
    {
        get
        {
            lock (_gate)
            {
                return _errors.Where(line => !string.IsNullOrWhiteSpace(line)).ToList();
            }
        }
    }

    /// <summary>
    /// Starts the app with <paramref name="environment"/> on top of a cleaned copy of this process's environment, in
    /// <paramref name="folder"/> (kept on dispose) or else a fresh temporary folder (removed on dispose).
    /// </summary>
    public static AppProcess Start(IReadOnlyDictionary<string, string> environment, string? folder = null, string[]? arguments = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ProjectTracker.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the Web project's build output should be beside the tests.");

        var ownsFolder = folder is null;
        folder ??= Directory.CreateTempSubdirectory("pt-process-").FullName;
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments ?? []])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        foreach (var name in start.Environment.Keys.Where(IsInherited).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // As in the test process (the test project's TieredPGO): an app that lives for seconds pays for PGO's
        // instrumentation and never runs long enough to gain from it.
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(new Process { StartInfo = start }, folder, ownsFolder);
        app._process.OutputDataReceived += (_, e) => app.Append(app._output, e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(app._errors, e.Data);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Waits (bounded) for the process to end by itself and returns its exit code, with all output read.</summary>
    public async Task<int> WaitForExitAsync()
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The app was expected to stop but still runs after {Timeout}.\n{Describe()}");
        }

        _process.WaitForExit(); // also waits for the redirected streams' last lines
        return _process.ExitCode;
    }

    /// <summary>Waits (bounded) for Kestrel's "Now listening on:" line; fails with the output if the process ends first.</summary>
    public async Task WaitUntilListeningAsync() => await WaitForOutputAsync(ListeningLine);

    /// <summary>Waits (at most <paramref name="timeout"/>, else <see cref="Timeout"/>) for a line of standard output containing <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            _awaited.Add((text, seen));
        }

        var exited = _process.WaitForExitAsync();
        Task first;
        try
        {
            first = await Task.WhenAny(seen.Task, exited).WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No \"{text}\" in the app's output after {limit}.\n{Describe()}");
            return;
        }

        if (first == exited && !seen.Task.IsCompleted)
        {
            _process.WaitForExit();
            Assert.Fail($"The app exited with {_process.ExitCode} before writing \"{text}\".\n{Describe()}");
        }
    }

    /// <summary>
    /// Asks <paramref name="path"/> on <paramref name="client"/> until it answers 200, retrying while the server refuses
    /// connections or answers otherwise, at most <see cref="Timeout"/>. Returns the 200 answer's body.
    /// </summary>
    public async Task<string> GetWhenOkAsync(HttpClient client, string path)
    {
        var deadline = Stopwatch.StartNew();
        var last = "no answer yet";
        while (deadline.Elapsed < Timeout)
        {
            Assert.False(_process.HasExited, $"The app exited while {path} was awaited.\n{Describe()}");
            try
            {
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return body;
                }

                last = $"{(int)response.StatusCode}: {body}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Fail($"{path} did not answer 200 within {Timeout}; last: {last}.\n{Describe()}");
        return "";
    }

    /// <summary>Kills the process tree and waits for it to end; the folder stays.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(Timeout);
    }

    /// <summary>
    /// Asks the app to stop as a container runtime or systemd does (SIGTERM: graceful shutdown) and waits, bounded, for
    /// it to exit; answers the exit code.
    /// </summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            _process.Dispose();
        }

        if (_ownsFolder)
        {
            TempFolder.Delete(Folder);
        }
    }

    /// <summary>Whether <paramref name="name"/> is one of the test runner's settings the app under test must not see.</summary>
    internal static bool IsInherited(string name) =>
        InheritedNames.Contains(name, StringComparer.OrdinalIgnoreCase)
        || InheritedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Everything the process wrote, for failure messages.</summary>
    public string Describe() => $"--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";

    private string Text(List<string> lines)
    {
        lock (_gate)
        {
            return string.Join('\n', lines);
        }
    }

    private void Append(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            lines.Add(line);
            if (lines == _output)
            {
                foreach (var (text, seen) in _awaited.Where(a => line.Contains(a.Text, StringComparison.Ordinal)))
                {
                    seen.TrySetResult();
                }
            }
        }
    }
}
