using System.Globalization;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Browser;

namespace ProjectTracker.Web.Tests.Robustness;

/// <summary>
/// The app as its own process (SQLite), connected to GitHub and WHOOP simulators in the test process that have data to
/// sync, with headless chromium for the open dashboards. The refresh rate limit is off: the soak refreshes often.
/// The app runs in Development, as <see cref="BrowserApp"/> explains (MudBlazor's assets of an unpublished build).
/// </summary>
public sealed class SoakApp : BrowserApp
{
    public const int Repositories = 30;
    public const int WhoopDays = 120;

    public GitHubSimulatorServer GitHub { get; private set; } = null!;

    public WhoopSimulatorServer Whoop { get; private set; } = null!;

    /// <summary>The app process's resident memory (VmRSS in <c>/proc/&lt;pid&gt;/status</c>), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{App.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    protected override async Task<IReadOnlyDictionary<string, string>> PrepareAsync()
    {
        GitHub = await GitHubSimulatorServer.StartAsync();
        GitHubDataGenerator.Populate(GitHub.State, Repositories);
        Whoop = await WhoopSimulatorServer.StartAsync();
        WhoopDataGenerator.Populate(Whoop.State, WhoopDays);
        Whoop.State.RequestsPerMinute = 100_000; // WHOOP's real 100 a minute would turn the soak into a back-off test
        return new Dictionary<string, string>
        {
            ["GitHub__ApiBaseUrl"] = GitHub.BaseAddress.ToString(),
            ["GitHub__AccessToken"] = GitHub.State.Tokens.First(),
            ["Whoop__ApiBaseUrl"] = Whoop.ApiBaseUrl.ToString(),
            ["Whoop__TokenEndpoint"] = Whoop.TokenEndpoint.ToString(),
            ["WHOOP_CLIENT_ID"] = Whoop.State.ClientId,
            ["WHOOP_CLIENT_SECRET"] = Whoop.State.ClientSecret,
            ["WHOOP_ACCESS_TOKEN"] = Whoop.State.AccessTokens.First(),
            ["WHOOP_REFRESH_TOKEN"] = Whoop.State.RefreshTokens.First(),
            ["Access__RefreshPermitsPerMinute"] = "0",
            // Workstation GC collects eagerly, so the resident set follows what the app holds. The server GC (the default)
            // lets the heap grow for minutes on a machine with free memory: under this same load it grew steadily by
            // 38% in 3 minutes, while workstation GC levelled off at 410 MB after 50 s. A leak grows under either.
            ["DOTNET_gcServer"] = "0",
        };
    }

    protected override async ValueTask DisposeMoreAsync()
    {
        if (GitHub is not null)
        {
            await GitHub.DisposeAsync();
        }

        if (Whoop is not null)
        {
            await Whoop.DisposeAsync();
        }
    }
}
