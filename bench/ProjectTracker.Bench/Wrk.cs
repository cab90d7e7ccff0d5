using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProjectTracker.Bench;

/// <summary>One wrk run's figures, read from its <c>--latency</c> output.</summary>
public sealed record WrkResult(string Url, long Requests, double Seconds, double P50Ms, double P99Ms, int Timeouts)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>
/// Debian's <c>wrk</c> on loopback. Every answer must be 2xx: wrk's "Non-2xx or 3xx responses" line, or any connect,
/// read or write error, fails the run with wrk's own output.
/// </summary>
public static partial class Wrk
{
    public const string Executable = "/usr/bin/wrk";

    public static string CommandLine(int connections, int threads, TimeSpan duration, string url) =>
        $"wrk -t{threads} -c{connections} -d{duration.TotalSeconds:0}s --latency {url}";

    public static async Task<WrkResult> RunAsync(string url, int connections, int threads, TimeSpan duration)
    {
        var start = new ProcessStartInfo(Executable,
            [$"-t{threads}", $"-c{connections}", $"-d{duration.TotalSeconds:0}s", "--latency", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}) on {url}:\n{output}");
        }

        return Parse(url, output);
    }

    public static WrkResult Parse(string url, string output)
    {
        if (NonSuccess().Match(output) is { Success: true } bad)
        {
            throw new InvalidOperationException($"{bad.Groups[1].Value} answers were not 2xx on {url}:\n{output}");
        }

        var socketErrors = SocketErrors().Match(output);
        var timeouts = 0;
        if (socketErrors.Success)
        {
            var (connect, read, write) = (Int(socketErrors, 1), Int(socketErrors, 2), Int(socketErrors, 3));
            timeouts = Int(socketErrors, 4);
            if (connect + read + write > 0)
            {
                throw new InvalidOperationException($"Socket errors on {url}:\n{output}");
            }
        }

        var summary = Summary().Match(output);
        if (!summary.Success)
        {
            throw new InvalidOperationException($"Could not read wrk's output for {url}:\n{output}");
        }

        return new WrkResult(url, long.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture),
            Latency(output, "50%"), Latency(output, "99%"), timeouts);
    }

    // wrk prints latencies as 812.00us, 3.45ms or 1.20s.
    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new InvalidOperationException($"wrk printed no {percentile} latency:\n{output}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }

    private static int Int(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s*(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)s,")]
    private static partial Regex Summary();
}
