using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>The WHOOP connection and sync on PostgreSQL: token store, Data Protection keys and upserts there.</summary>
public sealed class PostgresWhoopTests : ConnectedWhoopApp
{
    protected override ITestDatabase CreateDatabase() => PostgresTestDatabase.Migrated();

    [Fact]
    public async Task Refresh_OnPostgreSql_SyncsTwiceWithoutDuplicatesAndKeepsTokensEncrypted()
    {
        var first = await Client.PostAsync("/api/whoop/refresh?days=3", null);
        var second = await Client.PostAsync("/api/whoop/refresh?days=3", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.WhoopRecoveries.CountAsync());
        Assert.Equal(1, await db.WhoopSleeps.CountAsync());
        var connection = await db.WhoopConnections.SingleAsync();
        Assert.DoesNotContain(AccessToken, connection.ProtectedAccessToken);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        var recovery = Assert.Single((await Client.GetJsonAsync("/api/whoop/recovery")).AsArray())!;
        Assert.Equal("2026-03-15", (string?)recovery["date"]);
    }
}
