using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Demo;

/// <summary>
/// Demo mode: the GitHub and WHOOP simulators start in-process with a generated history of one believable person (a year
/// of WHOOP data; a dozen repositories worked on as <see cref="DeveloperYearGenerator"/> describes, at the local times
/// WHOOP recorded); the app's real clients are pointed at them and the real sync fills a database of its own
/// (<c>App_Data/demo.db</c> unless <c>DATABASE_URL</c> is set). "Connect WHOOP" goes through the simulator's sign-in.
/// The repositories are made up, so their <c>html_url</c> is the simulator's page saying so, never a github.com address.
/// </summary>
public static class DemoMode
{
    public const int WhoopDays = 365;

    public static async Task<WebApplicationBuilder> AddDemoIfEnabledAsync(this WebApplicationBuilder builder)
    {
        var demo = builder.Configuration.ReadSettings<DemoOptions>(DemoOptions.Section);
        builder.Services.AddSingleton(demo);
        if (!demo.Enabled)
        {
            return builder;
        }

        var whoop = await WhoopSimulatorServer.StartAsync();
        WhoopDataGenerator.Populate(whoop.State, WhoopDays);
        var github = await GitHubSimulatorServer.StartAsync();
        DeveloperYearGenerator.Populate(github.State, WhoopLocalOffsets.Of(whoop.State), WhoopDays);
        github.LinkRepositoriesToOwnPages();
        // The fill reads a year in 30-day parts (over 100 requests): with WHOOP's 100 a minute, "Connect WHOOP" right after
        // it would wait up to a minute for the limit to reset. The demo shows the dashboards, not the quota (tests cover that).
        whoop.State.RequestsPerMinute = 1000;
        var settings = new Dictionary<string, string?>
        {
            ["GitHub:ApiBaseUrl"] = github.BaseAddress.ToString(),
            ["GitHub:AccessToken"] = github.State.Tokens.First(),
            ["Whoop:ApiBaseUrl"] = whoop.ApiBaseUrl.ToString(),
            ["Whoop:TokenEndpoint"] = whoop.TokenEndpoint.ToString(),
            ["Whoop:AuthorizationEndpoint"] = new Uri(whoop.ApiBaseUrl, "/oauth/oauth2/auth").ToString(),
            ["Whoop:ClientId"] = whoop.State.ClientId,
            ["Whoop:ClientSecret"] = whoop.State.ClientSecret,
            ["Whoop:AccessToken"] = whoop.State.AccessTokens.First(),
            ["Whoop:RefreshToken"] = whoop.State.RefreshTokens.First(),
        };
        if (builder.Configuration.Read("Database:Url") is null)
        {
            settings["Database:Url"] = "sqlite:///App_Data/demo.db";
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(github);
        builder.Services.AddSingleton(whoop);
        builder.Services.AddHostedService<DemoSeeder>();
        return builder;
    }
}
