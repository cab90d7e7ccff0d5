using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Tests.Startup;

namespace ProjectTracker.Web.Tests.Scale;

/// <summary>
/// Several real app processes (SPEC "Scale") on one fresh PostgreSQL database, their GitHub client pointed at a
/// simulator running in the test process. Cross-process waits poll the public API with a deadline and fail with every
/// instance's captured output.
/// </summary>
public sealed class AppCluster : IAsyncDisposable
{
    private readonly List<AppInstance> _instances = [];
    private readonly Dictionary<string, string> _settings;

    private AppCluster(ITestDatabase database, GitHubSimulatorServer github, Dictionary<string, string> settings)
    {
        Database = database;
        GitHub = github;
        _settings = settings;
    }

    public ITestDatabase Database { get; }
    public GitHubSimulatorServer GitHub { get; }
    public GitHubSimulatorState Simulator => GitHub.State;

    public static async Task<AppCluster> CreateAsync(IReadOnlyDictionary<string, string>? settings = null, ITestDatabase? database = null)
    {
        var github = await GitHubSimulatorServer.StartAsync();
        var all = new Dictionary<string, string>
        {
            ["GitHub__ApiBaseUrl"] = github.BaseAddress.ToString(),
            ["GITHUB_ACCESS_TOKEN"] = "test-token",
            ["GitHub__StatisticsRetryDelay"] = "00:00:00",
            ["GitHub__RetryDelay"] = "00:00:00",
            // A job fetched by a process that died is handed to a live one this soon (production default: minutes).
            ["Jobs__InvisibilityTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return new AppCluster(database ?? new PostgresTestDatabase(), github, all);
    }

    /// <summary>Starts an instance (on the shared database and simulators) and waits until it answers <c>/healthz</c>.</summary>
    public async Task<AppInstance> StartInstanceAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var port = AppProcess.FreePort();
        var environment = new Dictionary<string, string>(_settings)
        {
            ["DATABASE_URL"] = Database.DatabaseUrl,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var instance = new AppInstance(AppProcess.Start(environment), port, $"instance {_instances.Count + 1}");
        _instances.Add(instance);
        await instance.Process.WaitUntilListeningAsync();
        await instance.Process.GetWhenOkAsync(instance.Client, "/healthz");
        return instance;
    }

    public static bool IsFinished(JsonNode job) => (string?)job["status"] is "completed" or "failed";

    /// <summary>Polls job <paramref name="jobId"/> on <paramref name="instance"/> until <paramref name="done"/> holds.</summary>
    public Task<JsonNode> WaitForJobAsync(AppInstance instance, string jobId, Func<JsonNode, bool> done, string what, TimeSpan? timeout = null) =>
        WaitUntilAsync(async () =>
        {
            var job = await instance.Client.GetJsonAsync($"/api/github/refresh/status/{jobId}");
            return done(job) ? job : null;
        }, $"job {jobId} {what}", timeout);

    /// <summary>Asks <paramref name="probe"/> every 100 ms until it answers a value; fails after the deadline with everyone's output.</summary>
    public async Task<T> WaitUntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var limit = timeout ?? AppProcess.Timeout;
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message; // an instance restarting; keep asking
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Fail($"Waited {limit} for {what}. {last}\n{Describe()}");
        return null;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>The test's own connection to the cluster's database (SQLite: the file the app uses, four-slash URL).</summary>
    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Database is SqliteTestDatabase
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database.DatabaseUrl["sqlite:///".Length..], Pooling = false }.ToString())
            : new NpgsqlConnection(Database.DatabaseUrl);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>How many times the simulator answered a request whose path ends with <paramref name="suffix"/>.</summary>
    public int RequestsEndingWith(string suffix) =>
        Simulator.Requests.Count(r => r.PathAndQuery.Split('?')[0].EndsWith(suffix, StringComparison.Ordinal));

    public string Describe() =>
        string.Join("\n", _instances.Select(i => $"===== {i.Name} (port {i.Port}) =====\n{i.Process.Describe()}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await GitHub.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>One app process of a cluster with a client for its port.</summary>
public sealed class AppInstance(AppProcess process, int port, string name) : IAsyncDisposable
{
    public AppProcess Process { get; } = process;
    public int Port { get; } = port;
    public string Name { get; } = name;
    public HttpClient Client { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = AppProcess.Timeout };

    /// <summary>POST /api/github/refresh, expecting 202; answers the job id.</summary>
    public async Task<string> StartRefreshAsync()
    {
        using var response = await Client.PostAsync("/api/github/refresh", null);
        var body = await JsonAssertions.ReadAsync(response, HttpStatusCode.Accepted);
        return (string)body["job_id"]!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Process.DisposeAsync();
    }
}
