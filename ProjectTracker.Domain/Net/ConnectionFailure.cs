using System.Net.Sockets;

namespace ProjectTracker.Domain.Net;

/// <summary>
/// Tells "the other side could not be reached from here" (no DNS answer, connection refused, no route) from "it answered
/// with an error", and gives the operating system's reason for the former: that is what a person can fix on this machine.
/// </summary>
public static class ConnectionFailure
{
    /// <summary>The socket error anywhere in <paramref name="error"/>'s chain ("Connection refused", "Name or service not known"), else null.</summary>
    public static string? SocketCause(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.Message;
            }
        }

        return null;
    }

    /// <summary>Whether no connection could be made at all (name resolution or connecting failed): nothing was answered.</summary>
    public static bool IsUnreachable(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is OperationCanceledException)
            {
                return false; // a timeout: the socket's "Operation canceled" under it is the request given up, not a failed connection
            }

            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } or SocketException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Opens a TCP connection to <paramref name="host"/>:<paramref name="port"/> and closes it: the socket error when that
    /// fails (or "no answer within …"), null when it connects. For clients that keep the cause to themselves.
    /// </summary>
    public static async Task<string?> ProbeAsync(string host, int port, TimeSpan timeout)
    {
        using var client = new TcpClient();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await client.ConnectAsync(host, port, cancel.Token);
            return null;
        }
        catch (SocketException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException)
        {
            return $"no answer within {timeout.TotalSeconds:0} s";
        }
    }
}
