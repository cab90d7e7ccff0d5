using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ProjectTracker.Bench;

/// <summary>
/// The web app as it is deployed: published in Release and run as its own process in Production (an unpublished build
/// outside Development cannot serve MudBlazor's static files). Disposing kills the process.
/// </summary>
public sealed class PublishedApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputTail _output;

    private PublishedApp(Process process, OutputTail output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>How many lines the app has written to its console so far (under load, any per-request line shows here).</summary>
    public long OutputLines => _output.Lines;

    public static Task PublishAsync(string repositoryRoot, string outputFolder, bool readyToRun = true) =>
        PublishProjectAsync(Path.Combine(repositoryRoot, "ProjectTracker.Web", "ProjectTracker.Web.csproj"), outputFolder, readyToRun);

    /// <summary>
    /// Published for this machine's runtime as the Dockerfile does, which compiles the app ReadyToRun; without a runtime
    /// (<paramref name="readyToRun"/> false) everything is compiled just in time at start-up.
    /// </summary>
    public static async Task PublishProjectAsync(string project, string outputFolder, bool readyToRun = true)
    {
        string[] runtime = readyToRun ? ["-r", RuntimeInformation.RuntimeIdentifier] : [];
        var (exitCode, output) = await RunToEndAsync("dotnet", ["publish", project, "-c", "Release", .. runtime, "-o", outputFolder, "-nologo"]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({exitCode}):\n{output}");
        }
    }

    public static Task<PublishedApp> StartAsync(string publishFolder, string databasePath) =>
        StartAsync(publishFolder, $"sqlite:///{databasePath}", new Dictionary<string, string>());

    /// <summary>Starts the published app on <paramref name="databaseUrl"/> (any <c>DATABASE_URL</c> form) with extra settings.</summary>
    public static Task<PublishedApp> StartAsync(string publishFolder, string databaseUrl, IReadOnlyDictionary<string, string> settings) =>
        StartProgramAsync(Path.Combine(publishFolder, "ProjectTracker.Web.dll"), databaseUrl, settings);

    /// <summary>Starts a published program (the app, or <c>bench/BaselineApp</c>) and waits until its <c>/healthz</c> answers.</summary>
    public static async Task<PublishedApp> StartProgramAsync(string dll, string? databaseUrl, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = StartInfo(dll, port, databaseUrl);
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var output = new OutputTail();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new PublishedApp(process, output, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A published program run in Production on <paramref name="port"/>, its output redirected, with nothing to sync from:
    /// the sync credentials and <c>REDIS_URL</c> of this shell are removed, so the app shows what the database holds.
    /// </summary>
    internal static ProcessStartInfo StartInfo(string dll, int port, string? databaseUrl)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["PORT"] = port.ToString();
        start.Environment["DATABASE_URL"] = databaseUrl;
        foreach (var name in new[] { "GITHUB_ACCESS_TOKEN", "WHOOP_CLIENT_ID", "WHOOP_CLIENT_SECRET", "REDIS_URL" })
        {
            start.Environment.Remove(name);
        }

        return start;
    }

    /// <summary>Resident set size (VmRSS) of the app's process, in bytes.</summary>
    public long ResidentBytes() => StatusBytes("VmRSS:");

    /// <summary>The most the app's process has held resident (VmHWM) since it started or <see cref="ResetPeakResident"/>, in bytes.</summary>
    public long PeakResidentBytes() => StatusBytes("VmHWM:");

    /// <summary>Starts <see cref="PeakResidentBytes"/> again from the present resident set (Linux 4.0 and later).</summary>
    public void ResetPeakResident() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    private long StatusBytes(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Replace("kB", "").Trim()) * 1024;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited ({_process.ExitCode}) before it was healthy:\n{_output}");
            }

            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer (a loaded machine): ask again until the deadline.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app was not healthy after {timeout.TotalSeconds:0} s:\n{_output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(string file, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>
/// The last lines of a program's console, for the error message when it fails; older lines are only counted. All of a
/// long run's output would otherwise be held in memory, however much the app writes under load.
/// </summary>
internal sealed class OutputTail
{
    private const int Kept = 200;
    private readonly Queue<string> _lines = new();
    private long _count;

    public long Lines => Interlocked.Read(ref _count);

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _count++;
            _lines.Enqueue(line);
            if (_lines.Count > Kept)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            var dropped = _count - _lines.Count;
            return (dropped > 0 ? $"({dropped} earlier lines not kept)\n" : "") + string.Join('\n', _lines);
        }
    }
}
