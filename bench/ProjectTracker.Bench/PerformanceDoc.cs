using System.Diagnostics;
using System.Text;

namespace ProjectTracker.Bench;

/// <summary>
/// docs/PERFORMANCE.md as one section per benchmark between <c>&lt;!-- bench:NAME --&gt;</c> and
/// <c>&lt;!-- /bench:NAME --&gt;</c>: a benchmark replaces only its own section (or appends it the first time), so the
/// figures of the others stay as they were measured. Text outside the markers is never touched.
/// </summary>
public static class PerformanceDoc
{
    public static string FilePath => Path.Combine(Repository.Root(), "docs", "PERFORMANCE.md");

    public static void ReplaceSection(string benchmark, string markdown)
    {
        var path = FilePath;
        var document = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n";
        File.WriteAllText(path, WithSection(document, benchmark, markdown));
        Console.WriteLine($"docs/PERFORMANCE.md: section '{benchmark}' rewritten");
    }

    public static string WithSection(string document, string benchmark, string markdown)
    {
        var start = $"<!-- bench:{benchmark} -->";
        var end = $"<!-- /bench:{benchmark} -->";
        var section = $"{start}\n{markdown.Trim()}\n{end}";
        var from = document.IndexOf(start, StringComparison.Ordinal);
        var to = document.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            return document.TrimEnd() + "\n\n" + section + "\n";
        }

        return document[..from] + section + document[(to + end.Length)..];
    }

    /// <summary>The facts every section starts with: when, on what, from which commit (changes under docs/ aside: they are the figures).</summary>
    public static string MachineFacts()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        return new StringBuilder()
            .Append($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `nproc` {Environment.ProcessorCount}")
            .Append(cpu is null ? "" : $" ({cpu})")
            .Append($", load average before the run {load}, .NET {Environment.Version}, commit `{GitCommit()}`")
            .ToString();
    }

    private static string GitCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["rev-parse", "--short", "HEAD"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Repository.Root(),
            })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            var dirty = Process.Start(new ProcessStartInfo("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":!docs"])
            {
                RedirectStandardOutput = true,
                WorkingDirectory = Repository.Root(),
            })!;
            var changes = dirty.StandardOutput.ReadToEnd().Trim();
            dirty.WaitForExit();
            return changes.Length > 0 ? commit + " + uncommitted changes" : commit;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}

/// <summary>The repository the benchmark runs in (its root holds ProjectTracker.sln).</summary>
public static class Repository
{
    public static string Root()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ProjectTracker.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository: ProjectTracker.sln was not found above the current folder.");
    }
}
