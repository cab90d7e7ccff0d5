using System.Net;
using System.Text.Json;
using Octokit;
using Octokit.Internal;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// The GitHub REST calls a refresh makes, on Octokit, each through the <see cref="GitHubCallPolicy"/> and conditional
/// (see <see cref="ConditionalHttpClient"/>). Paths are GitHub's; the base address comes from <c>GitHub:ApiBaseUrl</c>.
/// </summary>
public sealed class GitHubApi : IDisposable
{
    private const int PageSize = 100;

    private readonly GitHubClient _client;
    private readonly ConditionalHttpClient _http;
    private readonly GitHubOptions _options;
    private readonly TimeProvider _time;

    public GitHubApi(GitHubOptions options, IGitHubHttpCache cache, TimeProvider time, Func<string?, Task> reportStatus)
    {
        _options = options;
        _time = time;
        _http = new ConditionalHttpClient(new HttpClientAdapter(() => new SocketsHttpHandler()), cache, time);
        _http.SetRequestTimeout(options.RequestTimeout);
        var connection = new Connection(
            new ProductHeaderValue("ProjectTracker"),
            options.ApiBaseUrl, // a Connection of our own: GitHubClient(header, uri) would append /api/v3/ to other hosts
            new InMemoryCredentialStore(new Credentials(options.AccessToken)),
            _http,
            new SimpleJsonSerializer());
        _client = new GitHubClient(connection);
        Policy = new GitHubCallPolicy(_client, options, time, reportStatus);
    }

    public GitHubCallPolicy Policy { get; }

    public Task<User> GetCurrentUserAsync(CancellationToken ct) =>
        Policy.RunAsync("the signed-in user", () => _client.User.Current(), ct);

    /// <summary>Every repository the token's user owns, all pages.</summary>
    public Task<IReadOnlyList<Repository>> ListOwnedRepositoriesAsync(CancellationToken ct) =>
        Policy.RunAsync("the repository list", () => _client.Repository.GetAllForCurrent(
            new RepositoryRequest { Affiliation = RepositoryAffiliation.Owner, Sort = RepositorySort.FullName },
            new ApiOptions { PageSize = PageSize }), ct);

    /// <summary>Commits on the default branch authored by <paramref name="author"/>, all pages; none for an empty repository.</summary>
    public Task<IReadOnlyList<GitHubCommit>> ListCommitsAsync(
        Repository repository, string author, DateTimeOffset? since, CancellationToken ct) =>
        Policy.RunAsync($"the commits of {repository.Name}", async () =>
        {
            try
            {
                var request = new CommitRequest { Sha = repository.DefaultBranch, Author = author, Since = since };
                return await _client.Repository.Commit.GetAll(repository.Owner.Login, repository.Name, request, new ApiOptions { PageSize = PageSize });
            }
            catch (ApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                return []; // "Git Repository is empty."
            }
        }, ct);

    public Task<IReadOnlyDictionary<string, long>> GetLanguagesAsync(Repository repository, CancellationToken ct) =>
        Policy.RunAsync($"the languages of {repository.Name}", async () =>
        {
            var languages = await _client.Repository.GetAllLanguages(repository.Owner.Login, repository.Name);
            return (IReadOnlyDictionary<string, long>)languages.ToDictionary(l => l.Name, l => l.NumberOfBytes);
        }, ct);

    /// <summary>
    /// Weekly additions and deletions. GitHub answers 202 while it computes them: asked again with back-off (Octokit's own
    /// call would retry at once, forever).
    /// </summary>
    public async Task<CodeFrequency> GetCodeFrequencyAsync(Repository repository, CancellationToken ct)
    {
        var uri = new Uri($"repos/{Uri.EscapeDataString(repository.Owner.Login)}/{Uri.EscapeDataString(repository.Name)}/stats/code_frequency", UriKind.Relative);
        var delay = _options.StatisticsRetryDelay;
        for (var attempt = 1; attempt <= _options.StatisticsAttempts; attempt++)
        {
            var answer = await Policy.RunAsync($"the code statistics of {repository.Name}", async () =>
            {
                try
                {
                    // Octokit hands JSON bodies over as text, other bodies as bytes.
                    var response = await _client.Connection.GetRaw(uri, null);
                    var body = response.HttpResponse.Body switch
                    {
                        string text => System.Text.Encoding.UTF8.GetBytes(text),
                        byte[] bytes => bytes,
                        _ => response.Body,
                    };
                    // Parsed here, so a broken answer is retried like any failed request.
                    var weeks = response.HttpResponse.StatusCode == HttpStatusCode.OK ? ParseWeeks(body) : null;
                    return (response.HttpResponse.StatusCode, Weeks: weeks);
                }
                catch (ApiException e) when (e.StatusCode == HttpStatusCode.UnprocessableEntity)
                {
                    return (e.StatusCode, Weeks: null);
                }
            }, ct);

            switch (answer.StatusCode)
            {
                case HttpStatusCode.OK:
                    return new CodeFrequency(answer.Weeks, StillComputing: false);
                case HttpStatusCode.NoContent:
                    return new CodeFrequency([], StillComputing: false);
                case HttpStatusCode.Accepted when attempt < _options.StatisticsAttempts:
                    await Task.Delay(delay, _time, ct);
                    delay *= 2;
                    break;
                case HttpStatusCode.Accepted:
                    return new CodeFrequency(null, StillComputing: true);
                default:
                    return new CodeFrequency(null, StillComputing: false); // 422: GitHub computes none for 10,000+ commits
            }
        }

        return new CodeFrequency(null, StillComputing: true);
    }

    private static List<CodeFrequencyWeek> ParseWeeks(byte[]? body)
    {
        if (body is not { Length: > 0 })
        {
            return [];
        }

        var weeks = JsonSerializer.Deserialize<long[][]>(body) ?? [];
        return weeks.Where(w => w.Length >= 3).Select(w => new CodeFrequencyWeek(w[0], w[1], w[2])).ToList();
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Weekly statistics, or none: <see cref="StillComputing"/> says whether asking later may give them.</summary>
public sealed record CodeFrequency(IReadOnlyList<CodeFrequencyWeek>? Weeks, bool StillComputing);
