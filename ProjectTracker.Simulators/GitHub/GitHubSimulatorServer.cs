using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProjectTracker.Simulators.GitHub;

/// <summary>The fake GitHub on a free loopback port: <c>await using var github = await GitHubSimulatorServer.StartAsync();</c>.</summary>
public sealed class GitHubSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GitHubSimulatorServer(WebApplication app, GitHubSimulatorState state, Uri baseAddress)
    {
        _app = app;
        State = state;
        BaseAddress = baseAddress;
    }

    public GitHubSimulatorState State { get; }

    /// <summary>The API root, ending with <c>/</c>: give it to the app as <c>GitHub:ApiBaseUrl</c>.</summary>
    public Uri BaseAddress { get; }

    public static async Task<GitHubSimulatorServer> StartAsync(TimeProvider? time = null, int port = 0)
    {
        var state = new GitHubSimulatorState(time ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGitHubSimulator(state);
        app.MapGitHubSimulatorRepositoryPages(state);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GitHubSimulatorServer(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Every repository's <c>html_url</c> becomes this simulator's page for it, which says it was made up (the demo's
    /// repositories exist nowhere on github.com).
    /// </summary>
    public void LinkRepositoriesToOwnPages()
    {
        foreach (var repository in State.Repositories)
        {
            repository.HtmlUrl = new Uri(BaseAddress, $"{GitHubSimulatorRepositoryPages.PathPrefix}{repository.FullName}").ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
