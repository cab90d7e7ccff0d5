using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>Theory data for tests that run on both providers: <c>[MemberData(nameof(TestDatabases.Both), MemberType = typeof(TestDatabases))]</c>.</summary>
public static class TestDatabases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Both => [Sqlite, Postgres];

    /// <summary>A new database of <paramref name="provider"/> at the current schema.</summary>
    public static Func<ITestDatabase> For(string provider) =>
        provider == Postgres ? PostgresTestDatabase.Migrated : SqliteTestDatabase.Migrated;
}
