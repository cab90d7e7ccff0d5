namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>What went wrong on the wire to WHOOP, in words a person can act on; null for anything else.</summary>
internal static class WhoopTransport
{
    public static string? Describe(Exception e, CancellationToken ct) => e switch
    {
        TaskCanceledException when !ct.IsCancellationRequested => "did not answer in time (the request timed out)",
        HttpRequestException { InnerException: IOException } => "broke off its answer (the connection closed before the end)",
        HttpRequestException request when Net.ConnectionFailure.IsUnreachable(request) =>
            $"could not be reached from here ({Net.ConnectionFailure.SocketCause(request) ?? request.Message}; WHOOP was not asked: check this machine's network and DNS)",
        HttpRequestException request => $"could not be reached ({request.Message})",
        _ => null,
    };
}
