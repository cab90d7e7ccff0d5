using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace ProjectTracker.Bench;

public sealed record ResponseSize(string Url, string ResourceType, string? ContentEncoding, long WireBytes);

/// <summary>
/// Bytes of one page load as Chromium's DevTools protocol reports them: each HTTP response's encoded (on-the-wire, headers
/// included) length, and the websocket's frame payloads. Frame payloads are counted after permessage-deflate is undone
/// (the protocol shows no wire size for frames), so they overstate the wire bytes when the socket is compressed.
/// </summary>
public sealed class TrafficCounter
{
    private readonly ConcurrentDictionary<string, (string Url, string Type, string? Encoding)> _responses = new();
    private readonly ConcurrentDictionary<string, long> _finished = new();
    private long _socketReceived;
    private long _socketSent;

    public long WebSocketReceivedBytes => Interlocked.Read(ref _socketReceived);
    public long WebSocketSentBytes => Interlocked.Read(ref _socketSent);
    public bool WebSocketCompressed { get; private set; }

    public IReadOnlyList<ResponseSize> Responses => _finished
        .Select(f => _responses.TryGetValue(f.Key, out var r) ? new ResponseSize(r.Url, r.Type, r.Encoding, f.Value) : new ResponseSize("?", "Other", null, f.Value))
        .OrderBy(r => r.Url, StringComparer.Ordinal)
        .ToList();

    public long HttpBytes(params string[] resourceTypes) =>
        Responses.Where(r => resourceTypes.Length == 0 || resourceTypes.Contains(r.ResourceType)).Sum(r => r.WireBytes);

    public static async Task<TrafficCounter> AttachAsync(IBrowserContext context, IPage page)
    {
        var counter = new TrafficCounter();
        var session = await context.NewCDPSessionAsync(page);
        session.Event("Network.responseReceived").OnEvent += (_, e) => counter.OnResponse(e);
        session.Event("Network.loadingFinished").OnEvent += (_, e) =>
            counter._finished[e!.Value.GetProperty("requestId").GetString()!] = (long)e.Value.GetProperty("encodedDataLength").GetDouble();
        session.Event("Network.webSocketHandshakeResponseReceived").OnEvent += (_, e) =>
            counter.WebSocketCompressed |= Header(e!.Value.GetProperty("response"), "sec-websocket-extensions")?.Contains("permessage-deflate") == true;
        session.Event("Network.webSocketFrameReceived").OnEvent += (_, e) => Interlocked.Add(ref counter._socketReceived, PayloadBytes(e!.Value));
        session.Event("Network.webSocketFrameSent").OnEvent += (_, e) => Interlocked.Add(ref counter._socketSent, PayloadBytes(e!.Value));
        await session.SendAsync("Network.enable");
        return counter;
    }

    private void OnResponse(JsonElement? e)
    {
        var response = e!.Value.GetProperty("response");
        _responses[e.Value.GetProperty("requestId").GetString()!] =
            (response.GetProperty("url").GetString()!, e.Value.GetProperty("type").GetString()!, Header(response, "content-encoding"));
    }

    // Text frames (opcode 1) arrive as text; binary ones (Blazor's MessagePack) as base64.
    private static long PayloadBytes(JsonElement e)
    {
        var frame = e.GetProperty("response");
        var payload = frame.GetProperty("payloadData").GetString() ?? "";
        return frame.GetProperty("opcode").GetDouble() == 2 ? Convert.FromBase64String(payload).Length : System.Text.Encoding.UTF8.GetByteCount(payload);
    }

    private static string? Header(JsonElement response, string name)
    {
        if (!response.TryGetProperty("headers", out var headers))
        {
            return null;
        }

        foreach (var header in headers.EnumerateObject())
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value.GetString();
            }
        }

        return null;
    }
}
