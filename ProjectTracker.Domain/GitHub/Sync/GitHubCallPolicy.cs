using System.Globalization;
using System.Net;
using System.Runtime.Serialization;
using System.Text.Json;
using Octokit;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// Runs each GitHub call through the job's <see cref="GitHubRequestGate"/>: a 403 or 429 with
/// <c>X-RateLimit-Remaining: 0</c> is the primary limit (wait for <c>X-RateLimit-Reset</c>), any other 429 or a 403
/// saying "secondary rate limit" pauses every worker; server errors are retried with back-off; the rest becomes a
/// <see cref="GitHubSyncException"/> a person can act on, carrying GitHub's status when it refused one resource.
/// </summary>
public sealed class GitHubCallPolicy(GitHubRequestGate gate, GitHubOptions options, TimeProvider time, Func<string?, Task> reportStatus)
{
    private const int SecondaryLimitAttempts = 5;
    private const int PrimaryLimitAttempts = 3;

    public GitHubRequestGate Gate => gate;

    public async Task<T> RunAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var failures = 0;
        var secondary = 0;
        var primary = 0;
        while (true)
        {
            try
            {
                using (await gate.EnterAsync(cancellationToken))
                {
                    return await call();
                }
            }
            catch (ApiException e) when (IsPrimaryLimit(e))
            {
                if (++primary > PrimaryLimitAttempts)
                {
                    throw new GitHubSyncException($"GitHub still reports its rate limit used up after waiting for the reset, while reading {what}. Refresh again later.", e);
                }

                gate.MarkExhausted(ResetOf(e));
            }
            catch (ApiException e) when (IsSecondaryLimit(e))
            {
                if (++secondary >= SecondaryLimitAttempts)
                {
                    throw new GitHubSyncException($"GitHub kept asking to slow down (secondary rate limit) while reading {what}. Try again in a few minutes.", e);
                }

                var wait = gate.PauseAll(RetryAfter(e));
                await reportStatus($"GitHub asked to slow down; every request waits {wait.TotalSeconds:0} s.");
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
            catch (ApiException e)
            {
                throw new GitHubSyncException($"GitHub answered {(int)e.StatusCode} for {what}: {e.ApiError?.Message ?? e.Message}", e)
                {
                    StatusCode = (int)e.StatusCode,
                };
            }
        }
    }

    /// <summary>GitHub documents the spent primary limit as 403 <em>or</em> 429 with <c>X-RateLimit-Remaining: 0</c>.</summary>
    private static bool IsPrimaryLimit(ApiException e) =>
        e.StatusCode is HttpStatusCode.Forbidden or (HttpStatusCode)429 && Header(e, "X-RateLimit-Remaining") == "0";

    private static DateTimeOffset? ResetOf(ApiException e) =>
        long.TryParse(Header(e, "X-RateLimit-Reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null; // no reset given: the gate waits a minute

    // A 403 is a secondary limit only when GitHub says so; otherwise it refuses the resource ("Resource not accessible").
    private static bool IsSecondaryLimit(ApiException e) =>
        e.StatusCode == (HttpStatusCode)429
        || (e.StatusCode == HttpStatusCode.Forbidden
            && (e is SecondaryRateLimitExceededException || Header(e, "Retry-After") is not null
                || (e.ApiError?.Message ?? e.Message).Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)));

    private static TimeSpan? RetryAfter(ApiException e) =>
        int.TryParse(Header(e, "Retry-After"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static string? Header(ApiException e, string name) =>
        e.HttpResponse?.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

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
