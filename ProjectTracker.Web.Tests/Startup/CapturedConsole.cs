using System.Text;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// What the code of one async flow (and the threads it starts, such as the console logger's) writes to the console, kept
/// apart from the other tests running in this process at the same time: <see cref="Console.Out"/> and
/// <see cref="Console.Error"/> are replaced once by writers that send each write to the capture of the flow it comes
/// from, or else where it went before.
/// </summary>
internal sealed class CapturedConsole : IDisposable
{
    private static readonly AsyncLocal<CapturedConsole?> Current = new();
    private static readonly Lazy<bool> Installed = new(() =>
    {
        Console.SetOut(new Router(Console.Out, capture => capture._output));
        Console.SetError(new Router(Console.Error, capture => capture._errors));
        return true;
    });

    private readonly Lock _gate = new();
    private readonly CaptureWriter _output;
    private readonly CaptureWriter _errors;
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    private CapturedConsole()
    {
        _output = new CaptureWriter(this);
        _errors = new CaptureWriter(this);
    }

    public string Output => _output.Text;

    public string Errors => _errors.Text;

    /// <summary>Captures this flow's console from now on, until disposed.</summary>
    public static CapturedConsole Start()
    {
        _ = Installed.Value;
        var capture = new CapturedConsole();
        Current.Value = capture;
        return capture;
    }

    /// <summary>Completes once standard output holds <paramref name="text"/>.</summary>
    public Task WrittenAsync(string text)
    {
        lock (_gate)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited.Add((text, seen));
            Check();
            return seen.Task;
        }
    }

    public void Dispose() => Current.Value = null;

    private void Check()
    {
        var output = _output.Text;
        foreach (var (text, seen) in _awaited.Where(a => output.Contains(a.Text, StringComparison.Ordinal)))
        {
            seen.TrySetResult();
        }
    }

    private sealed class CaptureWriter(CapturedConsole capture) : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (capture._gate)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value) => Append(value.ToString());

        public override void Write(string? value) => Append(value);

        public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

        private void Append(string? value)
        {
            lock (capture._gate)
            {
                _text.Append(value);
                capture.Check();
            }
        }
    }

    private sealed class Router(TextWriter before, Func<CapturedConsole, TextWriter> pick) : TextWriter
    {
        public override Encoding Encoding => before.Encoding;

        private TextWriter Target => Current.Value is { } capture ? pick(capture) : before;

        public override void Write(char value) => Target.Write(value);

        public override void Write(string? value) => Target.Write(value);

        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);

        public override void WriteLine(string? value) => Target.WriteLine(value);

        public override void Flush() => Target.Flush();
    }
}
