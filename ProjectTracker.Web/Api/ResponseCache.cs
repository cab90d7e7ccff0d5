using System.Collections.Concurrent;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Api;

/// <summary>Endpoint metadata: the endpoint's 200 answers may be served from <see cref="ResponseCache"/>.</summary>
public sealed class CachedRead
{
    public static readonly CachedRead Instance = new();
}

/// <summary>
/// Serialized answers of the read endpoints, keyed by path and query. An entry is served only while no write has been
/// committed by this process since it was read (<see cref="DataVersion"/>) and for at most <c>Api:ResponseCacheSeconds</c>
/// (default 2) plus the time of one database read: the bound on how late a write made by another instance on the same
/// database shows here. 0 turns it off.
/// </summary>
public sealed class ResponseCache(DataVersion version, TimeProvider time, TimeSpan maxAge)
{
    public const string SettingName = "Api:ResponseCacheSeconds";
    public const int DefaultSeconds = 2;

    // A bound on memory, whatever ranges clients ask for: full means start again empty.
    private const long MaxBytes = 64 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly ConcurrentDictionary<string, (long Version, Task<Entry?> Task)> _fills = new();
    private readonly Lock _lock = new();
    private long _bytes;

    public TimeSpan MaxAge => maxAge;

    public bool Enabled => MaxAge > TimeSpan.Zero;

    /// <summary>The version to store an answer under: read before the answer's data is, so a write in between makes it stale.</summary>
    public long Version => version.Current;

    public bool TryGet(string key, out Entry entry)
    {
        if (_entries.TryGetValue(key, out entry!) && entry.Version == version.Current && time.GetElapsedTime(entry.StoredAt) < MaxAge)
        {
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>
    /// An entry too old to serve but read at <paramref name="readVersion"/>: nothing this process wrote since. While one
    /// request reads the database again, the others are answered from it, so an expiry does not stall them all.
    /// </summary>
    public bool TryGetExpired(string key, long readVersion, out Entry entry)
    {
        if (_entries.TryGetValue(key, out entry!) && entry.Version == readVersion)
        {
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>
    /// The answer being computed for <paramref name="key"/> at <paramref name="readVersion"/> by another request, or
    /// <paramref name="ours"/> (now registered) when there is none.
    /// </summary>
    public Task<Entry?> JoinOrStartFill(string key, long readVersion, Task<Entry?> ours)
    {
        var fill = _fills.AddOrUpdate(key, (readVersion, ours), (_, running) => running.Version == readVersion ? running : (readVersion, ours));
        return fill.Task;
    }

    public void EndFill(string key, Task<Entry?> ours)
    {
        if (_fills.TryGetValue(key, out var fill) && fill.Task == ours)
        {
            _fills.TryRemove(new KeyValuePair<string, (long, Task<Entry?>)>(key, fill));
        }
    }

    public void Set(string key, long readVersion, Entry answer)
    {
        var body = answer.Body;
        var entry = answer with { Version = readVersion, StoredAt = time.GetTimestamp() };
        lock (_lock)
        {
            if (_bytes + body.Length > MaxBytes)
            {
                _entries.Clear();
                _bytes = 0;
            }

            _bytes += body.Length - (_entries.TryGetValue(key, out var old) ? old.Body.Length : 0);
            _entries[key] = entry;
        }
    }

    public sealed record Entry(long Version, long StoredAt, byte[] Body, string ContentType);
}

/// <summary>Answers marked <see cref="CachedRead"/> GETs from <see cref="ResponseCache"/>, and fills it with their 200 JSON answers.</summary>
public sealed class ResponseCacheMiddleware(RequestDelegate next, ResponseCache cache)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!cache.Enabled || !HttpMethods.IsGet(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<CachedRead>() is null)
        {
            await next(context);
            return;
        }

        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        if (cache.TryGet(key, out var hit))
        {
            await WriteAsync(context, hit);
            return;
        }

        // Concurrent misses of one key wait for the first instead of each reading the database (32 connections asking for
        // 1,000 projects at once would otherwise all serialize them); when the entry only aged out, they get it meanwhile.
        var readVersion = cache.Version;
        var fill = new TaskCompletionSource<ResponseCache.Entry?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = cache.JoinOrStartFill(key, readVersion, fill.Task);
        if (running != fill.Task)
        {
            var answer = cache.TryGetExpired(key, readVersion, out var aged) ? aged : await running.WaitAsync(context.RequestAborted);
            if (answer is not null)
            {
                await WriteAsync(context, answer);
                return;
            }
        }

        try
        {
            var entry = await RunAndCaptureAsync(context);
            if (entry is not null && running == fill.Task)
            {
                cache.Set(key, readVersion, entry);
            }

            fill.TrySetResult(entry);
        }
        finally
        {
            fill.TrySetResult(null);
            cache.EndFill(key, fill.Task);
        }
    }

    private static async Task WriteAsync(HttpContext context, ResponseCache.Entry entry)
    {
        context.Response.ContentType = entry.ContentType;
        context.Response.ContentLength = entry.Body.Length;
        await context.Response.Body.WriteAsync(entry.Body, context.RequestAborted);
    }

    // Runs the endpoint into a buffer, then sends the buffer; a 200 JSON answer comes back to be cached.
    private async Task<ResponseCache.Entry?> RunAndCaptureAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
        return context.Response.StatusCode == StatusCodes.Status200OK && context.Response.ContentType is { } type
               && type.StartsWith("application/json", StringComparison.Ordinal)
            ? new ResponseCache.Entry(0, 0, body, type)
            : null;
    }
}

public static class ResponseCacheExtensions
{
    public static RouteHandlerBuilder CacheRead(this RouteHandlerBuilder builder) => builder.WithMetadata(CachedRead.Instance);

    public static WebApplication UseResponseCache(this WebApplication app)
    {
        app.UseMiddleware<ResponseCacheMiddleware>();
        return app;
    }
}
