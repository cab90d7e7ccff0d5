using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Security;

/// <summary>Addresses stored before refreshes checked them are cleaned by the migration that came with the check.</summary>
public abstract class ExternalUrlMigrationTests(Func<ITestDatabase> createDatabase)
{
    [Fact]
    public async Task Migration_ForgetsStoredScriptUrls_KeepsWebAddresses()
    {
        await using var database = createDatabase();
        var contexts = new TestContexts(DatabaseSettings.Parse(database.DatabaseUrl, Path.GetTempPath()));
        await using (var db = contexts.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var cleaning = migrations.FindIndex(m => m.EndsWith("_ExternalUrlsHttpOnly", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[cleaning - 1]);
            var urls = HostileData.ScriptUrls.Append("https://github.com/octo/kept").Append("HTTP://git.example/kept-too").Append(null);
            db.Projects.AddRange(urls.Select((url, i) => new Project { Name = $"p{i}", HtmlUrl = url }));
            await db.SaveChangesAsync();
        }

        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            var stored = await db.Projects.OrderBy(p => p.Name).Select(p => p.HtmlUrl).ToListAsync();

            Assert.Equal(
                Enumerable.Repeat<string?>(null, HostileData.ScriptUrls.Length).Append("https://github.com/octo/kept").Append("HTTP://git.example/kept-too").Append(null),
                stored);
        }
    }
}

public sealed class SqliteExternalUrlMigrationTests() : ExternalUrlMigrationTests(() => new SqliteTestDatabase());

public sealed class PostgresExternalUrlMigrationTests() : ExternalUrlMigrationTests(() => new PostgresTestDatabase());
