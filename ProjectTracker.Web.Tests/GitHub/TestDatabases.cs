using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>Theory data for tests that run on both providers: <c>[MemberData(nameof(TestDatabases.Both), MemberType = typeof(TestDatabases))]</c>.</summary>
public static class TestDatabases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Both => [Sqlite, Postgres];

    public static Func<ITestDatabase> For(string provider) =>
        provider == Postgres ? () => new PostgresTestDatabase() : () => new SqliteTestDatabase();
}
