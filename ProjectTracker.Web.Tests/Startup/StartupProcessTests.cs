using System.Net;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>The real app started as a process: settings refused in one line, PORT honoured, SQLite created on first run.</summary>
public sealed class StartupProcessTests
{
    [Theory]
    [InlineData("DATABASE_URL", "mysql://u:hunter2secret@h/db", "DATABASE_URL")]
    [InlineData("DATABASE_URL", "postgres://u:hunter2secret@host", "DATABASE_URL")]
    [InlineData("DATABASE_URL", "sqlite://x.db", "DATABASE_URL")]
    [InlineData("PORT", "abc", "PORT")]
    [InlineData("PORT", "70000", "PORT")]
    [InlineData("GitHub__ApiBaseUrl", "not a url", "GitHub:ApiBaseUrl")]
    [InlineData("Whoop__TokenEndpoint", "ftp://x", "Whoop:TokenEndpoint")]
    [InlineData("GitHub__SessionGapMinutes", "zero", "GitHub:SessionGapMinutes")]
    [InlineData("GitHub__RefreshSchedule", "every day", "GitHub:RefreshSchedule")]
    [InlineData("CORS_ORIGINS", "not an origin", "CORS_ORIGINS")]
    public async Task Start_BadSetting_StopsWithOneLineNamingIt(string variable, string value, string named)
    {
        await using var app = AppProcess.Start(new Dictionary<string, string> { [variable] = value });

        var exitCode = await app.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        var line = Assert.Single(app.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Configuration error: ", line);
        Assert.Contains(named, line);
        Assert.DoesNotContain("hunter2secret", app.Errors + app.Output);
        Assert.DoesNotContain("   at ", app.Errors + app.Output);
    }

    [Fact]
    public async Task Start_PortSetAndNoDatabaseUrl_ListensThereOnANewSqliteFile()
    {
        var port = AppProcess.FreePort();
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["PORT"] = port.ToString() });
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(File.Exists(Path.Combine(app.Folder, "App_Data", "projecttracker.db")));
    }

    [Fact]
    public async Task Start_RelativeSqliteUrlTwice_CreatesTheFileThenReusesIt()
    {
        var folder = Directory.CreateTempSubdirectory("pt-process-").FullName;
        var port = AppProcess.FreePort();
        var environment = new Dictionary<string, string> { ["PORT"] = port.ToString(), ["DATABASE_URL"] = "sqlite:///data/tracker.db" };
        await using (var first = AppProcess.Start(environment, Directory.CreateDirectory(Path.Combine(folder, "run")).FullName))
        {
            await first.WaitUntilListeningAsync();
            Assert.True(File.Exists(Path.Combine(first.Folder, "data", "tracker.db")));
        }

        Directory.CreateDirectory(Path.Combine(folder, "run"));
        await using var second = AppProcess.Start(environment, Path.Combine(folder, "run"));
        await second.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var projects = await client.GetStringAsync("/api/github/projects");

        Assert.Equal("[]", projects);
    }

    [Fact]
    public async Task HangfireDashboard_FromTheLocalMachine_IsServed()
    {
        var port = AppProcess.FreePort();
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["PORT"] = port.ToString() });
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Start_Demo_FillsGitHubAndWhoopThroughTheRealSync()
    {
        var port = AppProcess.FreePort();
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["PORT"] = port.ToString() }, arguments: ["--demo"]);
        await app.WaitUntilListeningAsync();
        await app.WaitForOutputAsync("Demo: ready");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var projects = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/github/projects"))!.AsArray();
        var metrics = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/whoop/metrics?days=365"))!;
        var status = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/whoop/status"))!;
        var page = await client.GetStringAsync("/whoop");

        Assert.True(projects.Count >= 20, $"{projects.Count} projects");
        Assert.True((int?)metrics["recovery"]!["total_records"] >= 300);
        Assert.True((bool?)status["connected"]);
        Assert.Contains("Demo data", page);
        Assert.True(File.Exists(Path.Combine(app.Folder, "App_Data", "demo.db")));
    }
}
