using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ProjectTracker.Domain.Persistence;

/// <summary>Names every column in snake_case (<c>TimeSpentMin</c> → <c>time_spent_min</c>), the old app's naming.</summary>
internal static class SnakeCaseColumns
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
            }
        }
    }
}
