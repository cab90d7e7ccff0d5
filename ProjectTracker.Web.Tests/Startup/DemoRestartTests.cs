using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// <c>--demo</c> run twice in one folder, so on one <c>App_Data/demo.db</c>: the second run's simulator is new, the
/// database still holds the first run's WHOOP connection, whose tokens rotated when the visitor pressed "Connect WHOOP".
/// Every run must fill and show the demo, never "reconnect needed". (The first run is also the demo's first-run test.)
/// </summary>
public sealed class DemoRestartTests
{
    [Fact]
    public async Task Demo_StartedTwiceOnOneDatabase_FillsAndStaysConnectedBothTimes()
    {
        using var folder = new TempFolder();

        for (var run = 1; run <= 2; run++)
        {
            var port = AppProcess.FreePort();
            await using var app = AppProcess.Start(
                new Dictionary<string, string> { ["PORT"] = port.ToString(CultureInfo.InvariantCulture) }, folder.Path, ["--demo"]);
            await app.WaitUntilListeningAsync();
            await app.WaitForOutputAsync("Demo: ready", TimeSpan.FromMinutes(3));
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = AppProcess.Timeout,
            };
            if (run == 1)
            {
                await AssertFilledAsync(app, client);
                await ConnectWhoopAsync(client);
            }

            var status = JsonNode.Parse(await app.GetWhenOkAsync(client, "/api/whoop/status"))!;
            var refresh = JsonNode.Parse(await app.GetWhenOkAsync(client, "/api/whoop/refresh/today"))!;
            var overview = await app.GetWhenOkAsync(client, "/");

            Assert.True((bool?)status["connected"], $"run {run}: {status}");
            Assert.False((bool?)status["reconnect_required"], $"run {run}: {status}");
            Assert.Equal("success", (string?)refresh["status"]);
            Assert.DoesNotContain("Reconnect needed", overview);
            // Errors, not the word: the migrations' SQL in the log names columns such as failed_at.
            Assert.DoesNotContain("Demo: filling the database failed", app.Output);
            Assert.DoesNotContain(app.Output.Split('\n'), line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal));
            Assert.Equal(0, await app.TerminateAsync());
        }
    }

    /// <summary>The first run filled GitHub and WHOOP through the real sync and is connected before anyone signs in.</summary>
    private static async Task AssertFilledAsync(AppProcess app, HttpClient client)
    {
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

    /// <summary>"Connect WHOOP" as a browser does it: the app → the simulator's sign-in (approves at once) → the app's callback.</summary>
    private static async Task ConnectWhoopAsync(HttpClient browser)
    {
        using var challenge = await browser.GetAsync("/login/whoop?returnUrl=/whoop");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var atWhoop = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var approved = await atWhoop.GetAsync(challenge.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        using var callback = await browser.GetAsync(approved.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/whoop", callback.Headers.Location!.OriginalString);
    }
}
