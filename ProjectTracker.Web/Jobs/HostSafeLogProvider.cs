using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace ProjectTracker.Web.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a static. When a host stops while another keeps running in the same process
/// (integration tests), that static still points at the stopped host's disposed logger factory; asking it for a logger
/// would fail the job being enqueued. This provider answers a silent logger then instead.
/// </summary>
internal sealed class HostSafeLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
