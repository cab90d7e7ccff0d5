using System.Globalization;
using System.Net;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// Starts that listen, through the app's own entry point in the test process (<see cref="RunningStart"/>: Production,
/// settings as arguments, Kestrel on a real loopback port): what a process of the same start writes and answers, without
/// a process. <see cref="StartupProcessTests"/> keeps what only a process shows.
/// </summary>
public sealed class InProcessStartTests
{
    /// <summary>A first start on a new PostgreSQL database is quiet: a real failure later must stand out.</summary>
    [Fact]
    public async Task Start_EmptyPostgresDatabase_MigratesWithoutAFailLine()
    {
        await using var database = new PostgresTestDatabase();
        var port = AppProcess.FreePort();
        await using var app = await RunningStart.ListeningAsync(new Dictionary<string, string> { ["PORT"] = Text(port), ["DATABASE_URL"] = database.DatabaseUrl });
        using var client = RunningStart.Client(port);

        await app.GetOkAsync(client, "/healthz");

        Assert.Contains("Applied migrations", app.Output);
        var failures = app.Output.Split('\n').Where(line => line.StartsWith("fail:", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} fail: lines on a first start:\n{app.Output}");
    }

    [Fact]
    public async Task Start_RelativeSqliteUrl_CreatesThatFileAndServesTheApi()
    {
        var port = AppProcess.FreePort();
        await using var app = await RunningStart.ListeningAsync(new Dictionary<string, string>
        {
            ["PORT"] = Text(port),
            ["DATABASE_URL"] = "sqlite:///data/tracker.db",
        });
        using var client = RunningStart.Client(port);

        await app.GetOkAsync(client, "/healthz");
        var projects = await app.GetOkAsync(client, "/api/github/projects");

        Assert.Equal("[]", projects);
        Assert.True(File.Exists(Path.Combine(app.Folder, "data", "tracker.db")), "data/tracker.db was not created under the content root.");
        Assert.False(File.Exists(Path.Combine(app.Folder, "App_Data", "projecttracker.db")), "The default database was created as well.");
    }

    [Fact]
    public async Task HangfireDashboard_FromTheLocalMachineWithoutLogin_IsSentToTheLogin()
    {
        var port = AppProcess.FreePort();
        await using var app = await RunningStart.ListeningAsync(new Dictionary<string, string>
        {
            ["PORT"] = Text(port), ["WHOOP_CLIENT_ID"] = "client", ["WHOOP_CLIENT_SECRET"] = "secret", // sign-in is possible
        });
        using var client = RunningStart.Client(port, new HttpClientHandler { AllowAutoRedirect = false });

        await app.GetOkAsync(client, "/healthz");
        using var response = await client.GetAsync("/hangfire");

        // Owner only, even locally (a real loopback connection): behind a reverse proxy on the same machine every request would look local.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login/whoop?returnUrl=", response.Headers.Location!.OriginalString);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
