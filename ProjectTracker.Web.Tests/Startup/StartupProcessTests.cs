using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// The real app started as a process (SPEC "Configuration"): a bad setting stops it with exit code 1 and one line,
/// <c>PORT</c> is honoured, SQLite is created on first run under the content root and reused after a kill, the demo fills.
/// </summary>
public sealed class StartupProcessTests
{
    /// <summary>A first start on a new PostgreSQL database is quiet: a real failure later must stand out.</summary>
    [Fact]
    public async Task Start_EmptyPostgresDatabase_MigratesWithoutAFailLine()
    {
        await using var database = new PostgresTestDatabase();
        var port = AppProcess.FreePort();
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["PORT"] = Text(port), ["DATABASE_URL"] = database.DatabaseUrl });

        await app.WaitUntilListeningAsync();
        using var client = Client(port);
        await app.GetWhenOkAsync(client, "/healthz");

        Assert.Contains("Applied migrations", app.Output);
        var failures = app.Output.Split('\n').Where(line => line.StartsWith("fail:", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} fail: lines on a first start:\n{app.Output}");
    }

    [Fact]
    public async Task Start_SqliteFileInAFolderThatCannotBeMade_StopsWithOneLineNamingTheFile()
    {
        using var folder = new TempFolder();
        var blocker = Path.Combine(folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the database folder should be");
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["DATABASE_URL"] = $"sqlite:///{blocker}/tracker.db" });

        var exitCode = await app.WaitForExitAsync();

        Assert.True(exitCode == 1, $"exit code {exitCode}\n{app.Output}\n{app.Errors}");
        var line = Assert.Single(app.ErrorLines);
        Assert.StartsWith("Configuration error: DATABASE_URL", line);
        Assert.Contains($"SQLite file {blocker}/tracker.db", line);
        Assert.DoesNotContain("   at ", app.Errors + app.Output);
    }

    /// <summary>
    /// The one bad setting checked as a process (exit code 1, one line on standard error, nothing else): the others are
    /// checked in the test process by <see cref="StartupFailureTests"/>, through the same entry point.
    /// </summary>
    [Fact]
    public async Task Start_BadSetting_ExitsWithCode1AndOneLineOnStandardError()
    {
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["DATABASE_URL"] = "mysql://u:" + StartupFailureTests.Secret + "@h/db" });

        var line = StartupFailureTests.OneLineFailure(await app.WaitForExitAsync(), app.ErrorLines, app.Describe());

        Assert.StartsWith("Configuration error: ", line);
        Assert.Contains("DATABASE_URL", line);
    }

    [Fact]
    public async Task Start_PortSetAndNoDatabaseUrl_ListensOnEveryInterfaceWithANewSqliteFile()
    {
        var port = AppProcess.FreePort();
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["PORT"] = Text(port) });
        var database = Path.Combine(app.Folder, "App_Data", "projecttracker.db");
        Assert.False(File.Exists(database));

        await app.WaitUntilListeningAsync();
        using var client = Client(port);
        var health = await app.GetWhenOkAsync(client, "/healthz");

        Assert.Equal("Healthy", health);
        Assert.Contains($"Now listening on: http://0.0.0.0:{port}", app.Output);
        Assert.True(File.Exists(database), $"{database} was not created.");
    }

    [Fact]
    public async Task Start_RelativeSqliteUrl_CreatesThatFileAndServesTheApi()
    {
        var port = AppProcess.FreePort();
        await using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["PORT"] = Text(port),
            ["DATABASE_URL"] = "sqlite:///data/tracker.db",
        });

        await app.WaitUntilListeningAsync();
        using var client = Client(port);
        await app.GetWhenOkAsync(client, "/healthz");
        var projects = await app.GetWhenOkAsync(client, "/api/github/projects");

        Assert.Equal("[]", projects);
        Assert.True(File.Exists(Path.Combine(app.Folder, "data", "tracker.db")), "data/tracker.db was not created under the working folder.");
        Assert.False(File.Exists(Path.Combine(app.Folder, "App_Data", "projecttracker.db")), "The default database was created as well.");
    }

    [Fact]
    public async Task Start_SameSqliteFileAfterAKill_AppliesNoMigrationAndServes()
    {
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "App_Data", "projecttracker.db");
        int appliedFirst;
        var firstPort = AppProcess.FreePort();
        await using (var first = AppProcess.Start(Settings(firstPort), folder.Path))
        {
            await first.WaitUntilListeningAsync();
            using var client = Client(firstPort);
            await first.GetWhenOkAsync(client, "/healthz");
            Assert.Contains("Applying migration", first.Output);
            appliedFirst = AppliedMigrations(database);
            await first.StopAsync();
        }

        var secondPort = AppProcess.FreePort();
        await using var second = AppProcess.Start(Settings(secondPort), folder.Path);
        await second.WaitUntilListeningAsync();
        using var secondClient = Client(secondPort);
        var health = await second.GetWhenOkAsync(secondClient, "/healthz");
        var projects = await second.GetWhenOkAsync(secondClient, "/api/github/projects");

        Assert.Equal("Healthy", health);
        Assert.Equal("[]", projects);
        Assert.True(appliedFirst > 0);
        Assert.Equal(appliedFirst, AppliedMigrations(database));
        Assert.DoesNotContain("Applying migration", second.Output);

        static Dictionary<string, string> Settings(int port) => new()
        {
            ["PORT"] = Text(port),
            // EF Core's "Applying migration '…'" lines, whatever the app's own log levels.
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Migrations"] = "Information",
        };
    }

    [Fact]
    public async Task HangfireDashboard_FromTheLocalMachineWithoutLogin_IsSentToTheLogin()
    {
        var port = AppProcess.FreePort();
        await using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["PORT"] = Text(port), ["WHOOP_CLIENT_ID"] = "client", ["WHOOP_CLIENT_SECRET"] = "secret", // sign-in is possible
        });
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = AppProcess.Timeout,
        };

        await app.GetWhenOkAsync(client, "/healthz");
        var response = await client.GetAsync("/hangfire");

        // Owner only, even locally: behind a reverse proxy on the same machine every request would look local.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login/whoop?returnUrl=", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Start_Demo_FillsGitHubAndWhoopThroughTheRealSync()
    {
        var port = AppProcess.FreePort();
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["PORT"] = Text(port) }, arguments: ["--demo"]);
        await app.WaitUntilListeningAsync();
        await app.WaitForOutputAsync("Demo: ready", TimeSpan.FromMinutes(2));
        using var client = Client(port);

        var projects = JsonNode.Parse(await app.GetWhenOkAsync(client, "/api/github/projects"))!.AsArray();
        var metrics = JsonNode.Parse(await app.GetWhenOkAsync(client, "/api/whoop/metrics?days=365"))!;
        var status = JsonNode.Parse(await app.GetWhenOkAsync(client, "/api/whoop/status"))!;
        var page = await app.GetWhenOkAsync(client, "/whoop");

        Assert.Equal(ProjectTracker.Simulators.GitHub.DeveloperYearGenerator.Repositories, projects.Count); // the demo person's dozen
        Assert.True((int?)metrics["recovery"]!["total_records"] >= 300);
        Assert.True((bool?)status["connected"]);
        Assert.Contains("Demo data", page);
        Assert.True(File.Exists(Path.Combine(app.Folder, "App_Data", "demo.db")));
    }

    private static HttpClient Client(int port) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = AppProcess.Timeout };

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int AppliedMigrations(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "__EFMigrationsHistory";""";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
