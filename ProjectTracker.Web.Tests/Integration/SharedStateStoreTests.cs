using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// The database-backed short-lived values (OAuth state, webhook de-duplication, the WHOOP sync lease) on each database:
/// one winner of a race, replacement, expiry — and losing a race is an answer, not a logged database error.
/// </summary>
public abstract class SharedStateStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private ITestDatabase _database = null!;
    private IDbContextFactory<TrackerDbContext> _contexts = null!;

    protected abstract ITestDatabase CreateDatabase();

    [Fact]
    public async Task TryAdd_ManyCallersAtOnce_ExactlyOneWinsAndItsValueIsStored()
    {
        // Separate stores, as separate instances would have.
        var attempts = Enumerable.Range(0, 12)
            .Select(i => new SharedStateStore(_contexts, _time).TryAddAsync("lease", Bytes($"caller {i}"), Minute, CancellationToken.None));

        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results.Select((won, i) => (won, i)), r => r.won);
        Assert.Equal($"caller {winner.i}", Text(await new SharedStateStore(_contexts, _time).GetAsync("lease", CancellationToken.None)));
    }

    [Fact]
    public async Task TryAdd_AfterTheHolderExpired_SucceedsAgain()
    {
        var store = new SharedStateStore(_contexts, _time);
        Assert.True(await store.TryAddAsync("once", Bytes("first"), Minute, CancellationToken.None));
        Assert.False(await store.TryAddAsync("once", Bytes("second"), Minute, CancellationToken.None));

        _time.Advance(Minute + TimeSpan.FromSeconds(1));

        Assert.True(await store.TryAddAsync("once", Bytes("third"), Minute, CancellationToken.None));
        Assert.Equal("third", Text(await store.GetAsync("once", CancellationToken.None)));
    }

    [Fact]
    public async Task Set_Twice_ReplacesTheValueAndItsLifetime()
    {
        var store = new SharedStateStore(_contexts, _time);
        await store.SetAsync("state", Bytes("old"), Minute, CancellationToken.None);
        await store.SetAsync("state", Bytes("new"), 10 * Minute, CancellationToken.None);

        _time.Advance(2 * Minute);

        Assert.Equal("new", Text(await store.GetAsync("state", CancellationToken.None)));
    }

    [Fact]
    public async Task Set_ManyWritersAtOnce_OneValueStandsWithoutError()
    {
        var writes = Enumerable.Range(0, 12)
            .Select(i => new SharedStateStore(_contexts, _time).SetAsync("state", Bytes($"writer {i}"), Minute, CancellationToken.None));

        await Task.WhenAll(writes);

        Assert.StartsWith("writer ", Text(await new SharedStateStore(_contexts, _time).GetAsync("state", CancellationToken.None)));
        await using var db = await _contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.SharedState.CountAsync());
    }

    public async Task InitializeAsync()
    {
        _database = CreateDatabase();
        _contexts = await TestContexts.MigrateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string? Text(byte[]? value) => value is null ? null : Encoding.UTF8.GetString(value);
}

public sealed class SqliteSharedStateStoreTests : SharedStateStoreTests
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class PostgresSharedStateStoreTests : SharedStateStoreTests
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();
}
