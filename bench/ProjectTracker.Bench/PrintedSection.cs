namespace ProjectTracker.Bench;

/// <summary>
/// For a benchmark that prints its figures (Markdown tables and lines) instead of writing its own section: runs it with
/// the console copied, then makes what it printed its section of docs/PERFORMANCE.md, under the date, machine and
/// command. Exit 1 from such a benchmark means a missed target: the section is written and 3 is returned, as
/// bench/run-all.sh expects; an exception leaves the section as it was.
/// </summary>
public static class PrintedSection
{
    public static async Task<int> RunAsync(string name, string title, string description, string[] args, Func<Task<int>> run)
    {
        var facts = PerformanceDoc.MachineFacts();
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(new Tee(console, printed));
        int exitCode;
        try
        {
            exitCode = await run();
        }
        finally
        {
            Console.SetOut(console);
        }

        var command = string.Join(' ', new[] { "dotnet run -c Release --project bench/ProjectTracker.Bench --", name }.Concat(args));
        PerformanceDoc.ReplaceSection(name,
            $"## {title}\n\nCommand (from the repository root):\n\n```sh\n{command}\n```\n\n{description}\n\n{facts}; what the benchmark printed:" +
            $"\n\n{printed.ToString().Trim()}\n");
        return exitCode == 1 ? 3 : exitCode;
    }

    private sealed class Tee(TextWriter first, TextWriter second) : TextWriter
    {
        public override System.Text.Encoding Encoding => first.Encoding;

        public override void Write(char value)
        {
            first.Write(value);
            second.Write(value);
        }

        public override void Write(string? value)
        {
            first.Write(value);
            second.Write(value);
        }

        public override void WriteLine(string? value)
        {
            first.WriteLine(value);
            second.WriteLine(value);
        }
    }
}
