using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// A clean database under a running app, for tests that share one host per class: every table of the EF model emptied,
/// dependents before what they point at. The deletes go through the app's own contexts, so its read models see them as
/// any other write (<see cref="DataVersion"/>, and SQLite's <c>data_version</c> / PostgreSQL's change token).
/// </summary>
public static class DatabaseReset
{
    /// <summary>
    /// Empties every table but the Data Protection keys: the app holds its key ring in memory, and a key deleted under it
    /// would leave the database and the app disagreeing about which keys exist. No test reads them as data.
    /// </summary>
    public static async Task ClearAsync(TrackerAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var table in DependentsFirst(db.Model).Where(e => e.ClrType != typeof(DataProtectionKey)).Select(e => e.GetTableName()).Distinct())
        {
            var delete = $"DELETE FROM \"{table}\""; // a name from the model, not input
            await db.Database.ExecuteSqlRawAsync(delete);
        }

        await transaction.CommitAsync();
    }

    /// <summary>The model's tables in an order where every table comes before the tables its foreign keys point at.</summary>
    private static List<IEntityType> DependentsFirst(IModel model)
    {
        var ordered = new List<IEntityType>();
        var visited = new HashSet<IEntityType>();
        void Visit(IEntityType entity)
        {
            if (!visited.Add(entity))
            {
                return;
            }

            // Everything pointing at this table is deleted before it.
            foreach (var dependent in model.GetEntityTypes().Where(e => e.GetForeignKeys().Any(k => k.PrincipalEntityType == entity && e != entity)))
            {
                Visit(dependent);
            }

            ordered.Add(entity);
        }

        foreach (var entity in model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            Visit(entity);
        }

        return ordered.Where(e => e.GetTableName() is not null).ToList();
    }
}
