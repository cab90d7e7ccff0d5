using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>The app in demo mode (simulators in-process, a dozen repositories and a WHOOP year filled through the real sync).</summary>
public sealed class DemoBrowserApp : BrowserApp
{
    public const string Collection = "Browser: demo app";

    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Every demo project's name, by name.</summary>
    public IReadOnlyList<string> Projects { get; private set; } = [];

    protected override Task<IReadOnlyDictionary<string, string>> PrepareAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["Demo__Enabled"] = "true" });

    protected override async Task StartedAsync()
    {
        await App.WaitForOutputAsync("Demo: ready", SeedTimeout);
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeout };
        var projects = await http.GetFromJsonAsync<JsonArray>("/api/github/projects") ?? [];
        Projects = projects.Select(p => (string)p!["name"]!).Order(StringComparer.Ordinal).ToList();
    }
}

[CollectionDefinition(DemoBrowserApp.Collection)]
public sealed class DemoBrowserCollection : ICollectionFixture<DemoBrowserApp>;
