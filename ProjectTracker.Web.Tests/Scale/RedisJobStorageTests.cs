using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Configuration;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Web.GitHub;
using ProjectTracker.Web.Jobs;
using ProjectTracker.Web.Tests.GitHub;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Tests.Startup;
using StackExchange.Redis;

namespace ProjectTracker.Web.Tests.Scale;

/// <summary>SPEC "Configuration" <c>REDIS_URL</c>: Hangfire's job storage on a real Redis server.</summary>
public sealed class RedisJobStorageTests
{
    [Fact]
    public async Task Refresh_WithRedisUrl_RunsThroughRedisStorage()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["REDIS_URL"] = redis.Url }, jobs: TestJobs.Hangfire);
        AddRepository(h);

        var job = await h.RefreshAsync();

        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        Assert.Equal("alpha", (string?)Assert.Single(await h.ProjectsAsync())!["name"]);
        Assert.IsType<Hangfire.Redis.StackExchange.RedisStorage>(h.App.Services.GetRequiredService<JobStorage>());
        await using var client = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redis.Port}");
        var keys = client.GetServer("127.0.0.1", redis.Port).Keys(pattern: "projecttracker:hangfire:*").ToList();
        Assert.NotEmpty(keys);
    }

    [Fact]
    public async Task Refresh_TwoInstancesOnOneRedisAndDatabase_RunsOnceOnOneServer()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var h = await GitHubRefreshHarness.StartAsync(
            new Dictionary<string, string?> { ["REDIS_URL"] = redis.Url }, database: () => new PostgresTestDatabase(), jobs: TestJobs.Hangfire);
        await using var second = h.StartAnotherInstance();
        using var secondClient = second.CreateClient(); // its Hangfire server now competes for the same queue
        AddRepository(h);

        // Progress events are per process: wait on whichever instance's server picks the job up.
        var started = await h.StartRefreshAsync();
        var jobId = (string)started["job_id"]!;
        var job = await Task.WhenAny(
            h.App.Services.GetRequiredService<RefreshProgressHub>().WhenFinishedAsync(jobId),
            second.Services.GetRequiredService<RefreshProgressHub>().WhenFinishedAsync(jobId)).Unwrap().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(job.Status == RefreshJobStatus.Completed, job.ErrorMessage);
        var monitoring = h.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var details = monitoring.JobDetails(job.BackgroundJobId);
        // "Processing" is recorded before the job runs, once per server that took it (Succeeded may come a moment later).
        Assert.Equal(1, details.History.Count(state => state.StateName == "Processing"));
        Assert.Equal(1, h.Simulator.Requests.Count(r => r.PathAndQuery.EndsWith("/alpha/languages", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("redis://:s3cret@redis.internal:6380/2", "redis.internal:6380", "s3cret", 2, false)]
    [InlineData("rediss://default:s3cret@redis.internal", "redis.internal:6379", "s3cret", -1, true)]
    [InlineData("localhost:6379,password=s3cret", "localhost:6379", "s3cret", -1, false)]
    public void Parse_HostForms_GiveTheServerAndCredentials(string value, string endpoint, string password, int database, bool tls)
    {
        var options = RedisSettings.Parse(value);

        var server = Assert.IsType<System.Net.DnsEndPoint>(Assert.Single(options.EndPoints));
        Assert.Equal(endpoint, $"{server.Host}:{server.Port}");
        Assert.Equal(password, options.Password);
        Assert.Equal(database, options.DefaultDatabase ?? -1);
        Assert.Equal(tls, options.Ssl);
        Assert.False(options.AbortOnConnectFail);
    }

    [Theory]
    [InlineData("redis://alice@cache.example:7000", "alice", null)]
    [InlineData("redis://:@cache.example:7000", null, "")]
    [InlineData("redis://al%40ice:p%3Ass%2Fword@cache.example:7000", "al@ice", "p:ss/word")]
    public void Parse_UrlUserInfo_IsUnescaped_AndAnEmptyUserIsNone(string value, string? user, string? password)
    {
        var options = RedisSettings.Parse(value);

        Assert.Equal(user, options.User);
        Assert.Equal(password, options.Password);
        var server = Assert.IsType<System.Net.DnsEndPoint>(Assert.Single(options.EndPoints));
        Assert.Equal(("cache.example", 7000), (server.Host, server.Port));
    }

    [Theory]
    [InlineData("http://:" + StartupFailureTests.Secret + "@cache.example", "must look like redis://")]
    [InlineData("redis://", "must look like redis://")]
    [InlineData("redis://:" + StartupFailureTests.Secret + "@cache.example/two", "database number that is not a whole number")]
    [InlineData("redis://:" + StartupFailureTests.Secret + "@cache.example/-1", "database number that is not a whole number")]
    [InlineData("password=" + StartupFailureTests.Secret, "names no Redis server")]
    [InlineData("cache.example,password=" + StartupFailureTests.Secret + ",colour=blue", "neither a redis:// URL nor a Redis configuration string")]
    public void Parse_Malformed_NamesRedisUrlAndWhatIsWrong_NeverThePassword(string value, string says)
    {
        var error = Assert.Throws<SettingException>(() => RedisSettings.Parse(value));

        Assert.StartsWith("Configuration error: REDIS_URL ", error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(StartupFailureTests.Secret, error.Message, StringComparison.Ordinal);
    }

    private static void AddRepository(GitHubRefreshHarness h)
    {
        var alpha = h.Simulator.AddRepository("alpha", configure: r => r.Languages["C#"] = 3000);
        h.Simulator.AddCommit(alpha, new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc));
    }
}
