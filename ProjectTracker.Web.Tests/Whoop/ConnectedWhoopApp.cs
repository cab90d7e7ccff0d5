using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>The app connected to the WHOOP simulator through the old bootstrap variables, with one night's data there.</summary>
public abstract class ConnectedWhoopApp : IAsyncLifetime
{
    protected const string AccessToken = "whoop-access-token";
    protected const string RefreshToken = "whoop-refresh-token";
    protected static readonly DateTimeOffset Now = TrackerAppFactory.Now;

    private ITestDatabase _database = null!;

    /// <summary>Contexts on the app's database outside the app: their writes are another process's to it.</summary>
    protected TestContexts OtherProcess => new(DatabaseSettings.Parse(_database.DatabaseUrl, Path.GetTempPath()));

    /// <summary>The database the app runs on, at the current schema (start-up is not what these tests are about); SQLite unless a subclass says otherwise.</summary>
    protected virtual ITestDatabase CreateDatabase() => SqliteTestDatabase.Migrated();
    protected WhoopSimulatorServer Whoop { get; private set; } = null!;
    protected TrackerAppFactory App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = CreateDatabase();
        Whoop = await WhoopSimulatorServer.StartAsync();
        var night = Now.AddHours(-8);
        Whoop.State.Sleeps["s-1"] = new WhoopSleepRecord("s-1", 1, 10129, night, night, night, night.AddHours(7.5), "-05:00", false,
            WhoopScoreState.Scored, new WhoopSleepScore(new WhoopSleepStageSummary(27_000_000, 900_000, 0, 14_400_000, 5_400_000, 6_300_000, 4, 8),
                new WhoopSleepNeeded(27_000_000, 0, 0, 0), 15.1, 95, 88, 96));
        Whoop.State.Recoveries[1] = new WhoopRecoveryRecord(1, "s-1", 10129, night.AddHours(8), night.AddHours(8), WhoopScoreState.Scored,
            new WhoopRecoveryScore(false, 72, 51, 70.2, 97, 33.5));
        App = new TrackerAppFactory(_database, new Dictionary<string, string?>
        {
            ["Whoop:ApiBaseUrl"] = Whoop.ApiBaseUrl.ToString(),
            ["Whoop:TokenEndpoint"] = Whoop.TokenEndpoint.ToString(),
            ["WHOOP_CLIENT_ID"] = Whoop.State.ClientId,
            ["WHOOP_CLIENT_SECRET"] = Whoop.State.ClientSecret,
            ["WHOOP_ACCESS_TOKEN"] = AccessToken,
            ["WHOOP_REFRESH_TOKEN"] = RefreshToken,
        });
        Client = App.CreateClient();
    }

    /// <summary>
    /// A year of data is over 100 requests: the simulator's minute is real time but the app waits for its reset on the
    /// test's clock, which stands still.
    /// </summary>
    protected void PopulateWhoop(int days)
    {
        // Generated up to the app's "now" (the simulator's own clock is real time).
        var generated = new WhoopSimulatorState(new FakeTimeProvider(App.Clock.GetUtcNow()));
        WhoopDataGenerator.Populate(generated, days);
        foreach (var (id, cycle) in generated.Cycles) Whoop.State.Cycles[id] = cycle;
        foreach (var (id, sleep) in generated.Sleeps) Whoop.State.Sleeps[id] = sleep;
        foreach (var (id, recovery) in generated.Recoveries) Whoop.State.Recoveries[id] = recovery;
        foreach (var (id, workout) in generated.Workouts) Whoop.State.Workouts[id] = workout;
        Whoop.State.RequestsPerMinute = 10_000;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Whoop.DisposeAsync();
        await _database.DisposeAsync();
    }
}
