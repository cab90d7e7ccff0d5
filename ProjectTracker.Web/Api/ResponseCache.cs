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
/// (default 2): the bound on how late a write made by another instance on the same database shows here. 0 turns it off.
/// </summary>
public sealed class ResponseCache(DataVersion version, TimeProvider time, TimeSpan maxAge)
{
    public const string SettingName = "Api:ResponseCacheSeconds";
    public const int DefaultSeconds = 2;

    // A bound on memory, whatever ranges clients ask for: full means start again empty.
    private const long MaxBytes = 64 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
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

    public void Set(string key, long readVersion, byte[] body, string contentType)
    {
        var entry = new Entry(readVersion, time.GetTimestamp(), body, contentType);
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
            context.Response.ContentType = hit.ContentType;
            context.Response.ContentLength = hit.Body.Length;
            await context.Response.Body.WriteAsync(hit.Body, context.RequestAborted);
            return;
        }

        var readVersion = cache.Version;
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
        if (context.Response.StatusCode == StatusCodes.Status200OK && context.Response.ContentType is { } type && type.StartsWith("application/json", StringComparison.Ordinal))
        {
            cache.Set(key, readVersion, body, type);
        }

        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
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
