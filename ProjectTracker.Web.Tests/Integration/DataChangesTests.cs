using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// The change token the read models check before reading again (<see cref="IDataChanges"/>), on a real database: the
/// same while everyone only reads, different after any commit — including one whose transaction began before the token
/// was read.
/// </summary>
public abstract class DataChangesTests<TDatabase> : IAsyncLifetime where TDatabase : ITestDatabase, new()
{
    private readonly TDatabase _database = new();
    private TestContexts _contexts = null!;
    private IDataChanges _changes = null!;

    public async Task InitializeAsync()
    {
        _contexts = await TestContexts.MigrateAsync(_database);
        var settings = DatabaseSettings.Parse(_database.DatabaseUrl, Path.GetTempPath());
        _changes = settings.Provider == DatabaseProvider.Postgres ? new PostgresDataChanges(_contexts) : new SqliteDataChanges(settings.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        (_changes as IDisposable)?.Dispose();
        await _database.DisposeAsync();
    }

    protected TestContexts Contexts => _contexts;

    protected Task<string?> TokenAsync() => _changes.ReadTokenAsync(CancellationToken.None);

    [Fact]
    public async Task Token_AfterACommitOnAnotherConnection_Changes()
    {
        var before = await TokenAsync();
        await using (var db = _contexts.CreateDbContext())
        {
            db.Projects.Add(new Project { Name = "alpha" });
            await db.SaveChangesAsync();
        }

        Assert.NotEqual(before, await TokenAsync());
    }

    [Fact]
    public async Task Token_ReadWhileAWriteWasInProgress_ChangesWhenItCommits()
    {
        await using var db = _contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Projects.Add(new Project { Name = "beta" });
        await db.SaveChangesAsync();

        var during = await TokenAsync();
        await transaction.CommitAsync();

        Assert.NotEqual(during, await TokenAsync());
    }
}

public sealed class SqliteDataChangesTests : DataChangesTests<SqliteTestDatabase>
{
    // Only on SQLite: PostgreSQL's token also moves with writes anywhere on the server (other tests' databases,
    // autovacuum's statistics), which costs the app a read and would make this test depend on its neighbours.
    [Fact]
    public async Task Token_OnlyReads_StaysTheSame()
    {
        var before = await TokenAsync();
        await using (var db = Contexts.CreateDbContext())
        {
            await db.Projects.CountAsync();
            await db.WhoopRecoveries.ToListAsync();
        }

        Assert.NotNull(before);
        Assert.Equal(before, await TokenAsync());
    }
}

public sealed class PostgresDataChangesTests : DataChangesTests<PostgresTestDatabase>;
