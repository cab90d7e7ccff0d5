using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProjectTracker.Simulators.Whoop;

/// <summary>The fake WHOOP API on a free loopback port. <see cref="ApiBaseUrl"/> ends at <c>/developer</c> like WHOOP's.</summary>
public sealed class WhoopSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WhoopSimulatorServer(WebApplication app, WhoopSimulatorState state, Uri root)
    {
        _app = app;
        State = state;
        ApiBaseUrl = new Uri(root, "developer");
        TokenEndpoint = new Uri(root, "oauth/oauth2/token");
    }

    public WhoopSimulatorState State { get; }
    public Uri ApiBaseUrl { get; }
    public Uri TokenEndpoint { get; }

    public static async Task<WhoopSimulatorServer> StartAsync(TimeProvider? time = null)
    {
        var state = new WhoopSimulatorState(time ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapWhoopSimulator(state);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WhoopSimulatorServer(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
