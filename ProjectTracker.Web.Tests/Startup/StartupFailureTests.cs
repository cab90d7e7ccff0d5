namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// Start-up failures whose fix is in the configuration end in one line on standard error naming the setting or file and
/// the real cause, exit code 1, no stack trace and no secret.
/// </summary>
public sealed class StartupFailureTests
{
    private const string Secret = "hunter2secret";

    [Fact]
    public async Task Start_MalformedAppSettings_StopsWithOneLineNamingTheFileAndLine()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "appsettings.json");
        await File.WriteAllTextAsync(file, "{\n  \"Logging\": {\n    \"LogLevel\": { \"Default\": \"Information\" },,\n  }\n}\n");
        await using var app = AppProcess.Start(new Dictionary<string, string>(), folder.Path);

        var line = await OneLineFailureAsync(app);

        Assert.StartsWith($"Configuration error: appsettings.json ({file}) is not valid JSON at line 3, position ", line);
    }

    [Fact]
    public async Task Start_RedisNotListening_StopsWithOneLineNamingRedisUrlAndTheSocketError()
    {
        var port = AppProcess.FreePort(); // nothing listens there
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["REDIS_URL"] = $"redis://:{Secret}@127.0.0.1:{port}" });

        var line = await OneLineFailureAsync(app);

        Assert.Equal($"Configuration error: REDIS_URL points at Redis at 127.0.0.1:{port}, which cannot be reached from here: Connection refused.", line);
    }

    private static async Task<string> OneLineFailureAsync(AppProcess app)
    {
        var exitCode = await app.WaitForExitAsync();

        Assert.True(exitCode == 1, $"exit code {exitCode}\n{app.Describe()}");
        var line = Assert.Single(app.ErrorLines);
        Assert.DoesNotContain(Secret, app.Errors + app.Output);
        Assert.DoesNotContain("   at ", app.Errors + app.Output);
        Assert.DoesNotContain("Unhandled exception", app.Errors + app.Output);
        return line;
    }
}
