using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Simulators.Whoop;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// The app on an empty database, pointed at GitHub and WHOOP simulators (in the test process) it has not synced from yet
/// and not connected to WHOOP: whatever the dashboards show was caused by the test's clicks.
/// </summary>
public sealed class FreshBrowserApp : SimulatorBrowserApp
{
    public const string Collection = "Browser: fresh app";
    public const int Repositories = 12;
    public const int WhoopDays = 120;

    protected override void Populate(GitHubSimulatorState github, WhoopSimulatorState whoop)
    {
        GitHubDataGenerator.Populate(github, Repositories);
        github.AddedLatency = TimeSpan.FromMilliseconds(25); // a refresh lasts long enough for its progress to be seen
        WhoopDataGenerator.Populate(whoop, WhoopDays);
    }

    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings() => [new("GitHub__RequestAttempts", "2")];
}

[CollectionDefinition(FreshBrowserApp.Collection)]
public sealed class FreshBrowserCollection : ICollectionFixture<FreshBrowserApp>;
