namespace ProjectTracker.Web.Api;

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
