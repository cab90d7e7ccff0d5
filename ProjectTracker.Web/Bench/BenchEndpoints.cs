using System.Collections.Concurrent;
using System.Text;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Bench;

/// <summary>
/// <c>GET /api/bench/static?bytes=N</c>: a fixed JSON body of about N bytes, written from memory — the ceiling the read-API
/// benchmark compares every endpoint with (same process, same middleware, no database, no serialization). Mapped only
/// when <c>Bench:StaticEndpoint=true</c>; a normal deployment has no such route.
/// </summary>
public static class BenchEndpoints
{
    public const string SettingName = "Bench:StaticEndpoint";
    public const string Path = "/api/bench/static";
    private const int DefaultBytes = 4 * 1024;
    private const int MaxBytes = 8 * 1024 * 1024;

    private static readonly ConcurrentDictionary<int, byte[]> Bodies = new();

    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        if (!app.Configuration.ReadBool(SettingName))
        {
            return app;
        }

        app.MapGet(Path, (int? bytes) =>
            {
                var size = Math.Clamp(bytes ?? DefaultBytes, 16, MaxBytes);
                return TypedResults.Bytes(Bodies.GetOrAdd(size, Body), "application/json; charset=utf-8");
            })
            .ExcludeFromDescription();
        return app;
    }

    // A JSON array of small objects, like the list answers, padded to the requested size.
    private static byte[] Body(int size)
    {
        var json = new StringBuilder("[");
        for (var i = 0; json.Length < size - 64; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"id\":").Append(i).Append(",\"name\":\"static-").Append(i).Append("\",\"value\":12.5}");
        }

        json.Append(']');
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
