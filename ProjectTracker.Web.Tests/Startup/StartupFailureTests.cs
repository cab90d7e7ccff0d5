using System.Globalization;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// Start-up failures whose fix is in the configuration end in one line on standard error naming the setting or file and
/// the real cause, exit code 1, no stack trace and no secret. The app's own entry point runs in this process
/// (<see cref="StoppedStart"/>); <see cref="StartupProcessTests"/> checks one of them as a real process.
/// </summary>
public sealed class StartupFailureTests
{
    public const string Secret = "hunter2secret";

    [Theory]
    [InlineData("DATABASE_URL", "mysql://u:" + Secret + "@h/db", "DATABASE_URL")]
    [InlineData("DATABASE_URL", "postgres://u:" + Secret + "@host", "DATABASE_URL")]
    [InlineData("DATABASE_URL", "sqlite://x.db", "DATABASE_URL")]
    [InlineData("PORT", "abc", "PORT")]
    [InlineData("PORT", "70000", "PORT")]
    [InlineData("GitHub__ApiBaseUrl", "not a url", "GitHub:ApiBaseUrl")]
    [InlineData("Whoop__TokenEndpoint", "ftp://x", "Whoop:TokenEndpoint")]
    [InlineData("GitHub__SessionGapMinutes", "zero", "GitHub:SessionGapMinutes")]
    [InlineData("GitHub__RefreshSchedule", "every day", "GitHub:RefreshSchedule")]
    [InlineData("CORS_ORIGINS", "not an origin", "CORS_ORIGINS")]
    [InlineData("Owner__TimeZone", "Mars/Olympus", "Owner:TimeZone")]
    [InlineData("Access__SessionLifetime", "00:00:00", "Access:SessionLifetime")]
    public async Task Start_BadSetting_StopsWithOneLineNamingIt(string variable, string value, string named)
    {
        var line = await OneLineFailureAsync(new Dictionary<string, string> { [variable] = value });

        Assert.StartsWith("Configuration error: ", line);
        Assert.Contains(named, line);
    }

    /// <summary>A well-formed DATABASE_URL naming a database that cannot be opened: one line saying where, no password.</summary>
    [Fact]
    public async Task Start_PostgresNotListening_StopsWithOneLineNamingTheDatabase()
    {
        var port = Text(AppProcess.FreePort()); // nothing listens there

        var line = await OneLineFailureAsync(new Dictionary<string, string> { ["DATABASE_URL"] = $"postgres://tracker:{Secret}@127.0.0.1:{port}/tracker" });

        Assert.StartsWith("Configuration error: DATABASE_URL", line);
        Assert.Contains($"PostgreSQL at 127.0.0.1:{port}, database tracker", line);
        Assert.EndsWith("cannot be reached from here: Connection refused.", line); // the socket's reason, not EF's "transient failure"
    }

    [Fact]
    public async Task Start_SqliteFileInAFolderThatCannotBeMade_StopsWithOneLineNamingTheFile()
    {
        using var folder = new TempFolder();
        var blocker = Path.Combine(folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the database folder should be");

        var line = await OneLineFailureAsync(new Dictionary<string, string> { ["DATABASE_URL"] = $"sqlite:///{blocker}/tracker.db" });

        Assert.StartsWith("Configuration error: DATABASE_URL", line);
        Assert.Contains($"SQLite file {blocker}/tracker.db", line);
    }

    /// <summary>
    /// A browser's Origin is scheme://host[:port], http or https; a value with a path, another scheme, or a bare path
    /// (which <see cref="Uri.TryCreate(string, UriKind, out Uri)"/> takes for file:///app on Linux) never matches one,
    /// so CORS would silently allow nothing. (<see cref="StoppedStart"/> fails the test if the app starts listening.)
    /// </summary>
    [Theory]
    [InlineData("https://example.com/app")]
    [InlineData("ftp://example.com")]
    [InlineData("/app")]
    public async Task Start_CorsOriginThatNoBrowserSends_StopsWithOneLineNamingIt(string value)
    {
        var line = await OneLineFailureAsync(new Dictionary<string, string> { ["CORS_ORIGINS"] = value, ["PORT"] = Text(AppProcess.FreePort()) });

        Assert.Contains("CORS_ORIGINS", line);
    }

    [Fact]
    public async Task Start_MalformedAppSettings_StopsWithOneLineNamingTheFileAndLine()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "appsettings.json");
        await File.WriteAllTextAsync(file, "{\n  \"Logging\": {\n    \"LogLevel\": { \"Default\": \"Information\" },,\n  }\n}\n");

        var line = await OneLineFailureAsync(new Dictionary<string, string>(), folder.Path);

        Assert.StartsWith($"Configuration error: appsettings.json ({file}) is not valid JSON at line 3, position ", line);
    }

    [Fact]
    public async Task Start_RedisNotListening_StopsWithOneLineNamingRedisUrlAndTheSocketError()
    {
        var port = AppProcess.FreePort(); // nothing listens there

        var line = await OneLineFailureAsync(new Dictionary<string, string> { ["REDIS_URL"] = $"redis://:{Secret}@127.0.0.1:{port}" });

        Assert.Equal($"Configuration error: REDIS_URL points at Redis at 127.0.0.1:{port}, which cannot be reached from here: Connection refused.", line);
    }

    /// <summary>Exit code 1 and one line on standard error, no secret or stack trace in anything written: answers the line.</summary>
    public static string OneLineFailure(int exitCode, IReadOnlyList<string> errorLines, string written)
    {
        Assert.True(exitCode == 1, $"exit code {exitCode}\n{written}");
        var line = Assert.Single(errorLines);
        Assert.DoesNotContain(Secret, written);
        Assert.DoesNotContain("   at ", written);
        Assert.DoesNotContain("Unhandled exception", written);
        return line;
    }

    private static async Task<string> OneLineFailureAsync(IReadOnlyDictionary<string, string> settings, string? folder = null)
    {
        var start = await StoppedStart.RunAsync(settings, folder);
        return OneLineFailure(start.ExitCode, start.ErrorLines, start.Describe());
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
