using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>One running app over its own database (seeded when <paramref name="seed"/> is given), shared by the tests of a class.</summary>
public abstract class AppFixture(Func<ITestDatabase> createDatabase, Func<TrackerDbContext, Task>? seed) : IAsyncLifetime
{
    protected AppFixture(Func<ITestDatabase> createDatabase, bool filled)
        : this(createDatabase, filled ? SeedData.FillAsync : null)
    {
    }

    private ITestDatabase? _database;

    public TrackerAppFactory App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = createDatabase();
        App = new TrackerAppFactory(_database, new Dictionary<string, string?> { ["CORS_ORIGINS"] = "https://frontend.example" });
        Client = App.CreateClient(new() { AllowAutoRedirect = false });
        if (seed is not null)
        {
            await App.SeedAsync(seed);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteEmptyApp() : AppFixture(() => new SqliteTestDatabase(), filled: false);

public sealed class SqliteFilledApp() : AppFixture(() => new SqliteTestDatabase(), filled: true);

public sealed class PostgresEmptyApp() : AppFixture(() => new PostgresTestDatabase(), filled: false);

public sealed class PostgresFilledApp() : AppFixture(() => new PostgresTestDatabase(), filled: true);
