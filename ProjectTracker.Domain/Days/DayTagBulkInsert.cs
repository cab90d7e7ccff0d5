using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.Days;

/// <summary>
/// Inserts many new day tags in multi-row <c>INSERT</c>s inside the caller's transaction, bypassing EF Core's change
/// tracking: a five-year journal is 40,000 rows, which EF Core wrote one command each (4.8 s and 464 MB allocated on
/// SQLite, against 1.5 s and 49 MB this way; decision 0016). Table, columns, value conversions and parameter types
/// all come from the EF model, so the rows are stored exactly as EF Core would store them.
/// </summary>
public static class DayTagBulkInsert
{
    private const int RowsPerStatement = 500;

    private static readonly string[] Properties =
    [
        nameof(DayTag.Date), nameof(DayTag.Name), nameof(DayTag.Source), nameof(DayTag.Answer), nameof(DayTag.Note),
        nameof(DayTag.CreatedAt), nameof(DayTag.UpdatedAt),
    ];

    public static async Task InsertAsync(TrackerDbContext db, IReadOnlyList<DayTag> tags, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(DayTag))!;
        var properties = Properties.Select(name => entity.FindProperty(name)!).ToArray();
        var columns = string.Join(", ", properties.Select(p => p.GetColumnName()));
        // Only a factory for parameters of the provider's own type (a timestamp without time zone, a boolean…).
        await using var parameterFactory = db.Database.GetDbConnection().CreateCommand();

        foreach (var chunk in tags.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO {entity.GetTableName()} ({columns}) VALUES ");
            var parameters = new List<DbParameter>(chunk.Length * properties.Length);
            foreach (var tag in chunk)
            {
                sql.Append(parameters.Count == 0 ? "(" : ", (");
                foreach (var property in properties)
                {
                    sql.Append(property == properties[0] ? "" : ", ").Append('{').Append(parameters.Count).Append('}');
                    parameters.Add(Parameter(parameterFactory, property, $"p{parameters.Count}", property.GetGetter().GetClrValue(tag)));
                }

                sql.Append(')');
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }

    private static DbParameter Parameter(DbCommand factory, IProperty property, string name, object? value)
    {
        var mapping = property.GetRelationalTypeMapping();
        var stored = value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value;
        return mapping.CreateParameter(factory, name, stored, property.IsNullable);
    }
}
