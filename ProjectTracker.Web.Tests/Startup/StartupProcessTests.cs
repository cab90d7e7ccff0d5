using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// The real app started as a process, where the process is the point (SPEC "Configuration"): a bad setting stops it with
/// exit code 1 and one line on standard error; SQLite is created on first run under the working folder and reused after a
/// kill; <c>ASPNETCORE_URLS</c> and <c>PORT</c>, environment variables, decide where it listens. The other start-up cases
/// run the same entry point in the test process: <see cref="StartupFailureTests"/> (each bad setting's line) and
/// <see cref="InProcessStartTests"/> and <see cref="ListenAddressTests"/> (starts that listen); the demo's runs are <see cref="DemoRestartTests"/>.
/// </summary>
public sealed class StartupProcessTests
{
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

    /// <summary>
    /// First start at <c>ASPNETCORE_URLS</c> with no <c>DATABASE_URL</c>: listens there and creates the default SQLite file.
    /// Killed, then started again at <c>PORT</c>: listens on every interface, applies no migration and serves.
    /// </summary>
    [Fact]
    public async Task Start_SameSqliteFileAfterAKill_AppliesNoMigrationAndServes()
    {
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "App_Data", "projecttracker.db");
        int appliedFirst;
        var firstUrl = $"http://127.0.0.1:{Text(AppProcess.FreePort())}";
        Assert.False(File.Exists(database));
        await using (var first = AppProcess.Start(Settings(("ASPNETCORE_URLS", firstUrl)), folder.Path))
        {
            await first.WaitUntilListeningAsync();
            using var client = new HttpClient { BaseAddress = new Uri(firstUrl), Timeout = AppProcess.Timeout };
            Assert.Equal("Healthy", await first.GetWhenOkAsync(client, "/healthz"));
            Assert.Contains($"Now listening on: {firstUrl}", first.Output);
            Assert.Contains("Applying migration", first.Output);
            Assert.True(File.Exists(database), $"{database} was not created.");
            appliedFirst = AppliedMigrations(database);
            await first.StopAsync();
        }

        var secondPort = AppProcess.FreePort();
        await using var second = AppProcess.Start(Settings(("PORT", Text(secondPort))), folder.Path);
        await second.WaitUntilListeningAsync();
        using var secondClient = RunningStart.Client(secondPort);
        var health = await second.GetWhenOkAsync(secondClient, "/healthz");
        var projects = await second.GetWhenOkAsync(secondClient, "/api/github/projects");

        Assert.Equal("Healthy", health);
        Assert.Equal("[]", projects);
        Assert.Contains($"Now listening on: http://0.0.0.0:{secondPort}", second.Output);
        Assert.True(appliedFirst > 0);
        Assert.Equal(appliedFirst, AppliedMigrations(database));
        Assert.DoesNotContain("Applying migration", second.Output);

        static Dictionary<string, string> Settings((string Name, string Value) listen) => new()
        {
            [listen.Name] = listen.Value,
            // EF Core's "Applying migration '…'" lines, whatever the app's own log levels.
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Migrations"] = "Information",
        };
    }

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
