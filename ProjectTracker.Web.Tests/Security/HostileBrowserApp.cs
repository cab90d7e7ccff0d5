using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Browser;

namespace ProjectTracker.Web.Tests.Security;

/// <summary>
/// The app (a real process) after a GitHub refresh and a WHOOP sync from simulators serving <see cref="HostileData"/>,
/// with no access settings: what any visitor of a default install would see.
/// </summary>
public sealed class HostileBrowserApp : SimulatorBrowserApp
{
    public const string Collection = "Browser: hostile data";

    /// <summary>What the app wrote to its standard output.</summary>
    public string Log => App.Output;

    /// <summary>Every project's name as the app stored it.</summary>
    public IReadOnlyList<string> Projects { get; private set; } = [];

    protected override void Populate(GitHubSimulatorState github, WhoopSimulatorState whoop)
    {
        HostileData.ServeFromGitHub(github);
        HostileData.ServeFromWhoop(whoop);
    }

    // Connected with the old app's tokens, so that a sync needs no sign-in.
    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings() =>
    [
        new("WHOOP_ACCESS_TOKEN", Whoop.State.AccessTokens.First()),
        new("WHOOP_REFRESH_TOKEN", Whoop.State.RefreshTokens.First()),
    ];

    /// <summary>Refreshes GitHub (a job, followed to its end) and syncs WHOOP's month, as a visitor could.</summary>
    protected override async Task StartedAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeout };
        var started = await http.PostAsync("/api/github/refresh", null);
        Assert.True(started.IsSuccessStatusCode, $"GitHub refresh answered {started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        var jobId = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!;
        await App.WaitForOutputAsync($"GitHub refresh {jobId} ");
        Assert.Contains($"GitHub refresh {jobId} completed", App.Output);

        var whoop = await http.PostAsync("/api/whoop/refresh?days=30", null);
        Assert.Equal(HttpStatusCode.OK, whoop.StatusCode);
        var projects = await http.GetFromJsonAsync<JsonArray>("/api/github/projects") ?? [];
        Projects = projects.Select(p => (string)p!["name"]!).ToList();
    }
}

[CollectionDefinition(HostileBrowserApp.Collection)]
public sealed class HostileBrowserCollection : ICollectionFixture<HostileBrowserApp>;
