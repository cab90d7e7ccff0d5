using System.Net;
using System.Text.Json;
using Octokit;
using Octokit.Internal;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// The GitHub REST calls a refresh makes, on Octokit, each through the <see cref="GitHubCallPolicy"/> and conditional
/// (see <see cref="ConditionalHttpClient"/>). Paths are GitHub's; the base address comes from <c>GitHub:ApiBaseUrl</c>.
/// Listings are paged here, one page per call, so a page that fails is retried from that page, not from the first.
/// </summary>
public sealed class GitHubApi : IDisposable
{
    private const int PageSize = 100;

    private readonly GitHubClient _client;
    private readonly ConditionalHttpClient _http;
    private readonly TimeProvider _time;

    public GitHubApi(GitHubOptions options, IGitHubHttpCache cache, TimeProvider time, Func<string?, Task> reportStatus)
    {
        _time = time;
        var gate = new GitHubRequestGate(options, time, reportStatus);
        // Each attempt's timeout on the app's clock (GitHub:RequestTimeout); HttpClient's own, on the wall clock, is off.
        var handler = () => new Net.RequestTimeoutHandler(options.RequestTimeout, time) { InnerHandler = new SocketsHttpHandler() };
        _http = new ConditionalHttpClient(new HttpClientAdapter(handler), cache, time, gate);
        _http.SetRequestTimeout(Timeout.InfiniteTimeSpan);
        var connection = new Connection(
            new ProductHeaderValue("ProjectTracker"),
            options.ApiBaseUrl, // a Connection of our own: GitHubClient(header, uri) would append /api/v3/ to other hosts
            new InMemoryCredentialStore(new Credentials(options.AccessToken)),
            _http,
            new SimpleJsonSerializer());
        _client = new GitHubClient(connection);
        Policy = new GitHubCallPolicy(gate, options, time, reportStatus);
    }

    public GitHubCallPolicy Policy { get; }

    /// <summary>The cache keys this refresh asked for (see <see cref="ConditionalHttpClient.UsedKeys"/>).</summary>
    public IReadOnlyCollection<string> UsedCacheKeys => _http.UsedKeys;

    /// <summary>Answers GitHub sent so far, and how many were 304 (<see cref="ConditionalHttpClient.Counts"/>).</summary>
    public (int Answered, int NotModified) RequestCounts => _http.Counts;

    public Task<User> GetCurrentUserAsync(CancellationToken ct) =>
        Policy.RunAsync("the signed-in user", () => _client.User.Current(), ct);

    /// <summary>The account's verified emails; none when the token may not read them (GitHub answers 403 or 404).</summary>
    public async Task<IReadOnlyList<string>> ListVerifiedEmailsAsync(CancellationToken ct)
    {
        try
        {
            var emails = await GetPagesAsync<List<EmailAddress>>("the account's emails", new Uri("user/emails", UriKind.Relative), PerPage(), ct);
            return emails.SelectMany(p => p).Where(e => e.Verified).Select(e => e.Email).ToList();
        }
        catch (GitHubSyncException e) when (e.StatusCode is 403 or 404)
        {
            return [];
        }
    }

    /// <summary>Every repository the token's user is affiliated with (GitHub's <c>affiliation</c> values), all pages.</summary>
    public async Task<IReadOnlyList<Repository>> ListRepositoriesAsync(string affiliation, CancellationToken ct)
    {
        var parameters = PerPage();
        parameters["affiliation"] = affiliation;
        parameters["sort"] = "full_name";
        var pages = await GetPagesAsync<List<Repository>>("the repository list", new Uri("user/repos", UriKind.Relative), parameters, ct);
        return pages.SelectMany(p => p).ToList();
    }

    /// <summary>A repository by GitHub id (found after a rename or transfer); null with GitHub's status when it cannot be read.</summary>
    public async Task<(Repository? Repository, int? Status)> FindRepositoryAsync(long id, CancellationToken ct)
    {
        try
        {
            return (await Policy.RunAsync($"repository {id}", () => _client.Repository.Get(id), ct), null);
        }
        catch (GitHubSyncException e) when (e.IsRepositoryRefusal)
        {
            return (null, e.StatusCode);
        }
    }

    /// <summary>
    /// The sha the default branch points at (the first commit its listing gives); null for an empty repository (409). A
    /// repository the token cannot read answers 404 here, which is not taken for empty.
    /// </summary>
    public async Task<string?> GetHeadShaAsync(Repository repository, CancellationToken ct)
    {
        var parameters = new Dictionary<string, string> { ["sha"] = repository.DefaultBranch, ["per_page"] = "1" };
        try
        {
            var response = await Policy.RunAsync($"the default branch of {repository.FullName}",
                () => _client.Connection.Get<List<GitHubCommit>>(RepositoryUri(repository, "commits"), parameters), ct);
            return response.Body.FirstOrDefault()?.Sha;
        }
        catch (GitHubSyncException e) when (e.StatusCode == 409)
        {
            return null; // "Git Repository is empty."
        }
    }

    /// <summary>Commits reachable from <paramref name="headSha"/> by <paramref name="author"/> (a login or an email), all pages.</summary>
    public async Task<IReadOnlyList<GitHubCommit>> ListCommitsAsync(Repository repository, string headSha, string author, CancellationToken ct)
    {
        var parameters = PerPage();
        parameters["sha"] = headSha;
        parameters["author"] = author;
        try
        {
            var pages = await GetPagesAsync<List<GitHubCommit>>($"the commits of {repository.FullName}", RepositoryUri(repository, "commits"), parameters, ct);
            return pages.SelectMany(p => p).ToList();
        }
        catch (GitHubSyncException e) when (e.StatusCode == 409)
        {
            return []; // "Git Repository is empty."
        }
    }

    /// <summary>
    /// The commits reachable from the default branch and not from <paramref name="baseSha"/>, oldest first (GitHub's
    /// compare, paged): exact under merges of old-dated commits. Null when GitHub no longer knows the base (a force-push).
    /// </summary>
    public async Task<Comparison?> CompareAsync(Repository repository, string baseSha, CancellationToken ct)
    {
        var uri = RepositoryUri(repository, $"compare/{baseSha}...{Uri.EscapeDataString(repository.DefaultBranch)}");
        try
        {
            var pages = await GetPagesAsync<CompareResult>($"the new commits of {repository.FullName}", uri, PerPage(), ct);
            var first = pages[0];
            return new Comparison(first.Status, first.BehindBy, pages.SelectMany(p => p.Commits ?? []).ToList());
        }
        catch (GitHubSyncException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    public Task<IReadOnlyDictionary<string, long>> GetLanguagesAsync(Repository repository, CancellationToken ct) =>
        Policy.RunAsync($"the languages of {repository.FullName}", async () =>
        {
            var languages = await _client.Repository.GetAllLanguages(repository.Owner.Login, repository.Name);
            return (IReadOnlyDictionary<string, long>)languages.ToDictionary(l => l.Name, l => l.NumberOfBytes);
        }, ct);

    /// <summary>
    /// Weekly additions and deletions. GitHub answers 202 while it computes them: asked again after
    /// <paramref name="retryDelay"/> (doubling), <paramref name="attempts"/> times in all.
    /// </summary>
    public async Task<CodeFrequency> GetCodeFrequencyAsync(Repository repository, int attempts, TimeSpan retryDelay, CancellationToken ct)
    {
        var uri = RepositoryUri(repository, "stats/code_frequency");
        var delay = retryDelay;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var answer = await Policy.RunAsync($"the code statistics of {repository.FullName}", async () =>
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
                case HttpStatusCode.Accepted when attempt < attempts:
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

    /// <summary>Each page is one call through the policy: a page refused (rate limit, 5xx) is asked again, not page 1.</summary>
    private async Task<List<TPage>> GetPagesAsync<TPage>(string what, Uri first, Dictionary<string, string>? parameters, CancellationToken ct)
    {
        var pages = new List<TPage>();
        Uri? next = first;
        while (next is not null)
        {
            var (uri, query) = (next, parameters);
            var response = await Policy.RunAsync(what, () => _client.Connection.Get<TPage>(uri, query), ct);
            pages.Add(response.Body);
            next = response.HttpResponse.ApiInfo?.Links is { } links && links.TryGetValue("next", out var link) ? link : null;
            parameters = null; // the next link carries the query
        }

        return pages;
    }

    private static Dictionary<string, string> PerPage() => new() { ["per_page"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static Uri RepositoryUri(Repository repository, string path) =>
        new($"repos/{Uri.EscapeDataString(repository.Owner.Login)}/{Uri.EscapeDataString(repository.Name)}/{path}", UriKind.Relative);

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

/// <summary>
/// A compare's answer: <see cref="Status"/> <c>ahead</c> or <c>identical</c> means <see cref="Commits"/> are exactly the
/// new ones (oldest first); <c>diverged</c> or <c>behind</c> means a force-push dropped stored commits.
/// </summary>
public sealed record Comparison(string Status, int BehindBy, IReadOnlyList<GitHubCommit> Commits)
{
    public bool IsFastForward => BehindBy == 0 && Status is "ahead" or "identical";
}
