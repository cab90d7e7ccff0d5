using System.Net;
using System.Runtime.Serialization;
using System.Text.Json;
using Octokit;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// Runs each GitHub call: waits out the primary rate limit (until its reset), honours secondary limits (403/429 with
/// <c>Retry-After</c>), retries server errors with back-off, and turns everything else into a
/// <see cref="GitHubSyncException"/> a person can act on. One policy is shared by a job's parallel requests.
/// </summary>
public sealed class GitHubCallPolicy(IApiInfoProvider apiInfo, GitHubOptions options, TimeProvider time, Func<string?, Task> reportStatus)
{
    private const int SecondaryLimitAttempts = 5;
    private static readonly TimeSpan DefaultSecondaryWait = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _rateLimitGate = new(1, 1);
    private DateTimeOffset? _exhaustedUntil;

    public async Task<T> RunAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var failures = 0;
        var secondary = 0;
        var primary = 0;
        while (true)
        {
            await WaitForPrimaryLimitAsync(cancellationToken);
            try
            {
                var result = await call();
                NoteRateLimit(apiInfo.GetLastApiInfo()?.RateLimit);
                return result;
            }
            catch (RateLimitExceededException e)
            {
                if (++primary > 3)
                {
                    throw new GitHubSyncException($"GitHub still reports its rate limit used up after waiting for the reset, while reading {what}. Refresh again later.", e);
                }

                _exhaustedUntil = e.Reset;
            }
            catch (Exception e) when (SecondaryLimitWait(e) is { } wait)
            {
                if (++secondary >= SecondaryLimitAttempts)
                {
                    throw new GitHubSyncException($"GitHub kept asking to slow down (secondary rate limit) while reading {what}. Try again in a few minutes.", e);
                }

                await reportStatus($"GitHub asked to slow down; waiting {wait.TotalSeconds:0} s.");
                await Task.Delay(wait, time, cancellationToken);
                await reportStatus(null);
            }
            catch (AuthorizationException e)
            {
                throw new GitHubSyncException("GitHub refused the access token (401 Bad credentials). Check GITHUB_ACCESS_TOKEN: it may be mistyped, expired or revoked.", e);
            }
            catch (Exception e) when (IsTransient(e))
            {
                if (++failures >= options.RequestAttempts)
                {
                    // Whether GitHub answered (then it may be having trouble) or was never reached (the fix is on this machine).
                    throw new GitHubSyncException(Net.ConnectionFailure.IsUnreachable(e)
                        ? $"GitHub {Describe(e)} while reading {what}, {failures} times. GitHub was not asked: check this machine's network connection and DNS, then refresh again."
                        : $"GitHub {Describe(e)} while reading {what}, {failures} times. GitHub may be having trouble; try the refresh again later.", e);
                }

                await Task.Delay(options.RetryDelay * Math.Pow(2, failures - 1), time, cancellationToken);
            }
            catch (ApiException e) when (e is not RateLimitExceededException)
            {
                throw new GitHubSyncException($"GitHub answered {(int)e.StatusCode} {e.StatusCode} for {what}: {e.ApiError?.Message ?? e.Message}", e);
            }
        }
    }

    private async Task WaitForPrimaryLimitAsync(CancellationToken cancellationToken)
    {
        if (_exhaustedUntil is null)
        {
            return;
        }

        // One caller waits and reports; the others queue behind it and find the limit reset.
        await _rateLimitGate.WaitAsync(cancellationToken);
        try
        {
            if (_exhaustedUntil is not { } reset)
            {
                return;
            }

            var wait = reset - time.GetUtcNow() + TimeSpan.FromSeconds(1);
            if (wait > options.MaxRateLimitWait)
            {
                throw new GitHubSyncException($"GitHub's rate limit is used up until {reset.UtcDateTime:yyyy-MM-dd HH:mm} UTC. The projects refreshed so far are kept; refresh again after that.");
            }

            if (wait > TimeSpan.Zero)
            {
                await reportStatus($"GitHub's rate limit is used up; waiting until {reset.UtcDateTime:HH:mm:ss} UTC for it to reset.");
                await Task.Delay(wait, time, cancellationToken);
                await reportStatus(null);
            }

            _exhaustedUntil = null;
        }
        finally
        {
            _rateLimitGate.Release();
        }
    }

    private void NoteRateLimit(RateLimit? rateLimit)
    {
        if (rateLimit is { Remaining: 0, Reset: var reset } && reset > time.GetUtcNow())
        {
            _exhaustedUntil = reset;
        }
    }

    private static TimeSpan? SecondaryLimitWait(Exception e)
    {
        if (e is not ApiException api || (api is not SecondaryRateLimitExceededException && api.StatusCode != (HttpStatusCode)429))
        {
            return null;
        }

        return api.HttpResponse?.Headers is { } headers
               && headers.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value is { } value
               && int.TryParse(value, out var seconds)
            ? TimeSpan.FromSeconds(Math.Max(0, seconds))
            : DefaultSecondaryWait;
    }

    // A broken answer (cut off, or not JSON) is as likely to be right the next time as a 5xx is.
    private static bool IsTransient(Exception e) =>
        e is HttpRequestException or TimeoutException or TaskCanceledException { InnerException: TimeoutException }
        || e is ApiException { StatusCode: >= HttpStatusCode.InternalServerError }
        || IsMalformed(e);

    private static bool IsMalformed(Exception e) => e is JsonException or SerializationException;

    private string Describe(Exception e) => e switch
    {
        ApiException api => $"answered {(int)api.StatusCode} {api.StatusCode}",
        TimeoutException or TaskCanceledException => $"did not answer within {options.RequestTimeout.TotalSeconds:0.#} s (timed out)",
        _ when IsMalformed(e) => "sent an answer that is not valid JSON",
        HttpRequestException { InnerException: IOException } => "broke off its answer (the connection closed before the end)",
        _ when Net.ConnectionFailure.IsUnreachable(e) => $"could not be reached from here ({Net.ConnectionFailure.SocketCause(e) ?? e.Message})",
        _ => "could not be reached",
    };
}
