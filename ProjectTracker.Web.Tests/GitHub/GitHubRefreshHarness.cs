using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Web.GitHub;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>
/// The app on SQLite, its GitHub client pointed at a simulator on loopback, both on one fake clock. The database starts at
/// the current schema (<see cref="SqliteTestDatabase.Migrated"/>): start-up's migration is not what these tests are about.
/// </summary>
public sealed class GitHubRefreshHarness : IAsyncDisposable
{
    private readonly ITestDatabase _database;
    private readonly Dictionary<string, string?> _settings;
    private readonly TestJobs _jobs;

    private GitHubRefreshHarness(
        ITestDatabase database, GitHubSimulatorServer github, Dictionary<string, string?> settings, FakeTimeProvider clock, TestJobs jobs)
    {
        _database = database;
        _settings = settings;
        _jobs = jobs;
        GitHub = github;
        App = new TrackerAppFactory(database, settings, clock, jobs);
        Client = App.CreateClient();
    }

    public GitHubSimulatorServer GitHub { get; }
    public TrackerAppFactory App { get; private set; }
    public HttpClient Client { get; private set; }
    public FakeTimeProvider Clock => App.Clock;
    public GitHubSimulatorState Simulator => GitHub.State;

    /// <summary>The SQLite file the app runs on (the default database of the harness).</summary>
    public string SqlitePath => ((SqliteTestDatabase)_database).FilePath;

    public static async Task<GitHubRefreshHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, string token = "test-token", Func<ITestDatabase>? database = null,
        TestJobs jobs = TestJobs.Inline)
    {
        var clock = new FakeTimeProvider(TrackerAppFactory.Now);
        var github = await GitHubSimulatorServer.StartAsync(clock);
        var all = new Dictionary<string, string?>
        {
            ["GitHub:ApiBaseUrl"] = github.BaseAddress.ToString(),
            ["GITHUB_ACCESS_TOKEN"] = token,
            ["GitHub:StatisticsRetryDelay"] = "00:00:00",
            ["GitHub:RetryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new GitHubRefreshHarness(database?.Invoke() ?? SqliteTestDatabase.Migrated(), github, all, clock, jobs);
    }

    /// <summary>Stops the app and starts a new one on the same database and simulator, as a restart would.</summary>
    public async Task RestartAsync(Func<TrackerAppFactory, Task>? beforeStart = null)
    {
        Client.Dispose();
        await App.DisposeAsync();
        App = new TrackerAppFactory(_database, _settings, Clock, _jobs);
        if (beforeStart is not null)
        {
            await beforeStart(App);
        }

        Client = App.CreateClient();
    }

    /// <summary>Another app instance on the same database, settings, simulator and clock (several machines behind a balancer).</summary>
    public TrackerAppFactory StartAnotherInstance() => new(_database, _settings, Clock, _jobs);

    /// <summary>POSTs a refresh and waits (event-driven, bounded) for the job to end; answers the finished job.</summary>
    public async Task<RefreshJob> RefreshAsync()
    {
        var started = await StartRefreshAsync();
        return await WhenFinishedAsync((string)started["job_id"]!);
    }

    public async Task<JsonNode> StartRefreshAsync()
    {
        var response = await Client.PostAsync("/api/github/refresh", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public async Task<RefreshJob> WhenFinishedAsync(string jobId)
    {
        try
        {
            return await App.Services.GetRequiredService<RefreshProgressHub>().WhenFinishedAsync(jobId).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // Say where the job got stuck: our row, and the background job system's view of it.
            var row = await Client.GetStringAsync($"/api/github/refresh/status/{jobId}");
            using var connection = App.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
            var backgroundId = System.Text.Json.Nodes.JsonNode.Parse(row)?["background_job_id"]?.ToString();
            var requests = string.Join(", ", Simulator.Requests.Select(r => $"{r.PathAndQuery}={r.StatusCode}"));
            throw new TimeoutException($"Job {jobId} did not finish in 60 s. Row: {row}. Simulator saw: [{requests}]. Hangfire: {backgroundId}");
        }
    }

    public async Task<JsonArray> ProjectsAsync() => (await Client.GetJsonAsync("/api/github/projects?sort=name&order=asc")).AsArray();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await GitHub.DisposeAsync();
        await _database.DisposeAsync();
    }
}
