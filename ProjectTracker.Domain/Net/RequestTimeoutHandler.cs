namespace ProjectTracker.Domain.Net;

/// <summary>
/// Bounds one request, its answer's body included, to <paramref name="timeout"/> on <paramref name="time"/>, the app's
/// clock: in place of <see cref="HttpClient.Timeout"/>, which only the wall clock drives, so a test on a fake clock
/// advances past a timeout instead of waiting it out. A timeout fails as <see cref="HttpClient.Timeout"/> does: a
/// <see cref="TaskCanceledException"/> whose inner exception is a <see cref="TimeoutException"/>.
/// </summary>
public sealed class RequestTimeoutHandler(TimeSpan timeout, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, linked.Token);
            // Read here, within the time allowed: a body that stops coming counts as a timeout too.
            await response.Content.LoadIntoBufferAsync(linked.Token);
            return response;
        }
        catch (Exception e) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            var message = $"The request was canceled: no answer within {timeout.TotalSeconds:0.###} s.";
            throw new TaskCanceledException(message, new TimeoutException(message, e));
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
