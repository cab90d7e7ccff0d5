using ProjectTracker.Web.Tests.Browser;
using ProjectTracker.Web.Tests.GitHub;
using ProjectTracker.Web.Tests.Robustness;
using ProjectTracker.Web.Tests.Scale;
using ProjectTracker.Web.Tests.Security;
using ProjectTracker.Web.Tests.Startup;
using ProjectTracker.Web.Tests.Whoop;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("ProjectTracker.Web.Tests.LongestFirst", "ProjectTracker.Web.Tests")]

namespace ProjectTracker.Web.Tests;

/// <summary>
/// Starts the longest collections first, the rest after them in xunit's own order. xunit runs two collections at a time
/// on this machine's two cores and starts the next one when one ends: a long collection started late runs on alone at
/// the end of the run while the other core idles (the multi-process tests did that for 40 s). Started first, the long
/// ones run beside the many short ones, which fill the other core and end about when they do.
/// </summary>
/// <remarks>
/// Longest first by their summed test times in a whole run (<c>scripts/test.sh</c> prints the ten slowest tests), each
/// 10 s or more. A collection missing here only runs later than it could; a new slow one belongs in the list.
/// </remarks>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    [
        DemoBrowserApp.Collection, // ~70 s: every page at two widths, and the activity pages
        ScaleProcessesCollection.Name, // ~57 s: apps killed, restarted and run side by side
        ClassCollection<SoakTests>(), // ~45 s: 15 s of load after a first sync and 20 open dashboards
        ClassCollection<PostgresWhoopImportTests>(), // ~31 s
        ClassCollection<RecurringRefreshTests>(), // ~27 s
        ClassCollection<PostgresWhoopReadModelTests>(), // ~22 s
        ClassCollection<PostgresWhoopSyncJobTests>(), // ~17 s
        ClassCollection<GitHubRefreshTests>(), // ~13 s
        ClassCollection<DemoRestartTests>(), // ~12 s
        HostileBrowserApp.Collection, // ~10 s
        ClassCollection<WhoopLoginTests>(), // ~10 s
        ClassCollection<GitHubAccountScopeTests>(), // ~10 s
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => Array.IndexOf(Longest, collection.DisplayName) is var rank and >= 0 ? rank : Longest.Length);

    // xunit's name for the collection of a class that names none.
    private static string ClassCollection<T>() => $"Test collection for {typeof(T).FullName}";
}
