using System.Collections.Concurrent;
using System.Text;

// Nothing but Kestrel and two endpoints: how fast this stack starts, and how fast it serves bytes from memory.
var builder = WebApplication.CreateBuilder(args);
var port = Environment.GetEnvironmentVariable("PORT") ?? "8000";
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));

// A fixed JSON body of about N bytes (a list of small objects, like the API's answers): no database, no serialization.
var bodies = new ConcurrentDictionary<int, byte[]>();
app.MapGet("/static", (int? bytes) =>
    Results.Bytes(bodies.GetOrAdd(Math.Clamp(bytes ?? 4096, 16, 8 * 1024 * 1024), StaticBody), "application/json; charset=utf-8"));
app.Run();

static byte[] StaticBody(int size)
{
    var json = new StringBuilder("[");
    for (var i = 0; json.Length < size - 64; i++)
    {
        json.Append(i == 0 ? "" : ",").Append("{\"id\":").Append(i).Append(",\"name\":\"static-").Append(i).Append("\",\"value\":12.5}");
    }

    return Encoding.UTF8.GetBytes(json.Append(']').ToString());
}
