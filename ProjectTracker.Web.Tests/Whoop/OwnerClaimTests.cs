using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>Claiming the app's ownership is one conditional write: of many first sign-ins at once, exactly one wins.</summary>
public sealed class OwnerClaimTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ClaimOwner_ManyAccountsAtOnceOnAnEmptyDatabase_ExactlyOneWins(string provider)
    {
        await using ITestDatabase database = provider == "postgres" ? new PostgresTestDatabase() : new SqliteTestDatabase();
        var contexts = await TestContexts.MigrateAsync(database);
        var tokens = new WhoopTokenService(contexts, new PlainProtector(), new HttpClient(), new WhoopOptions(), new FakeTimeProvider());

        var claims = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(() => tokens.ClaimOwnerAsync($"{i}", CancellationToken.None))));

        Assert.Single(claims, won => won);
        await using var db = contexts.CreateDbContext();
        var owner = (await db.WhoopConnections.SingleAsync()).WhoopUserId;
        Assert.Equal($"{Array.IndexOf(claims, true) + 1}", owner);
        Assert.True(await tokens.ClaimOwnerAsync(owner!, CancellationToken.None)); // the owner again: still theirs
        Assert.False(await tokens.ClaimOwnerAsync("someone-else", CancellationToken.None));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ClaimOwner_RowWithoutOwner_IsClaimedOnceAndTokensOnlyForTheOwner(string provider)
    {
        await using ITestDatabase database = provider == "postgres" ? new PostgresTestDatabase() : new SqliteTestDatabase();
        var contexts = await TestContexts.MigrateAsync(database);
        var tokens = new WhoopTokenService(contexts, new PlainProtector(), new HttpClient(), new WhoopOptions(), new FakeTimeProvider());
        await using (var db = contexts.CreateDbContext())
        {
            db.WhoopConnections.Add(new WhoopConnection()); // e.g. disconnected before this version knew owners
            await db.SaveChangesAsync();
        }

        var claims = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => tokens.ClaimOwnerAsync($"{i}", CancellationToken.None))));
        var winner = $"{Array.IndexOf(claims, true) + 1}";
        var loser = winner == "1" ? "2" : "1";

        Assert.Single(claims, won => won);
        Assert.False(await tokens.SaveOwnerTokensAsync(loser, "stolen", null, 3600, null, CancellationToken.None));
        Assert.True(await tokens.SaveOwnerTokensAsync(winner, "mine", null, 3600, null, CancellationToken.None));
        Assert.Equal("mine", await tokens.GetAccessTokenAsync(CancellationToken.None));
    }

    private sealed class PlainProtector : ITokenProtector
    {
        public string Protect(string token) => token;

        public string Unprotect(string protectedToken) => protectedToken;
    }
}
