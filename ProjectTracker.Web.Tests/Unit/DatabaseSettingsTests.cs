using Npgsql;
using ProjectTracker.Domain.Configuration;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class DatabaseSettingsTests
{
    private const string ContentRoot = "/srv/tracker";

    private static NpgsqlConnectionStringBuilder Postgres(string url)
    {
        var settings = DatabaseSettings.Parse(url, ContentRoot);
        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        return new NpgsqlConnectionStringBuilder(settings.ConnectionString);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Parse_NoValue_UsesDefaultSqliteFileUnderContentRoot(string? url)
    {
        var settings = DatabaseSettings.Parse(url, ContentRoot);

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal("Data Source=/srv/tracker/App_Data/projecttracker.db", settings.ConnectionString);
    }

    [Theory]
    [InlineData("sqlite:///data/app.db", "Data Source=/srv/tracker/data/app.db")]
    [InlineData("sqlite:///app.db", "Data Source=/srv/tracker/app.db")]
    [InlineData("sqlite:///./data/../app.db", "Data Source=/srv/tracker/app.db")]
    [InlineData("  sqlite:///data/app.db  ", "Data Source=/srv/tracker/data/app.db")]
    public void Parse_SqliteThreeSlashes_ResolvesAgainstContentRoot(string url, string expected)
    {
        var settings = DatabaseSettings.Parse(url, ContentRoot);

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal(expected, settings.ConnectionString);
    }

    [Fact]
    public void Parse_SqliteThreeSlashesWithRelativeContentRoot_GivesFullPath()
    {
        var settings = DatabaseSettings.Parse("sqlite:///data/app.db", "relative-root");

        var path = settings.ConnectionString["Data Source=".Length..];
        Assert.True(Path.IsPathRooted(path), path);
        Assert.Equal(Path.GetFullPath("relative-root/data/app.db"), path);
    }

    [Fact]
    public void Parse_SqliteFourSlashes_UsesAbsolutePath()
    {
        var settings = DatabaseSettings.Parse("sqlite:////var/lib/app.db", ContentRoot);

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal("Data Source=/var/lib/app.db", settings.ConnectionString);
    }

    [Fact]
    public void Parse_PostgresUrl_GivesEveryPartUnescaped()
    {
        var builder = Postgres("postgres://user:p%40ss@db.example.com:6543/tracker");

        Assert.Equal("db.example.com", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("user", builder.Username);
        Assert.Equal("p@ss", builder.Password);
        Assert.Equal("tracker", builder.Database);
    }

    [Fact]
    public void Parse_PostgresUrlWithSemicolonInPassword_KeepsPasswordIntact()
    {
        var builder = Postgres("postgres://user:a%3Bb%3Dc@host/db");

        Assert.Equal("a;b=c", builder.Password);
        Assert.Equal("db", builder.Database);
    }

    [Fact]
    public void Parse_PostgresqlUrlWithSslModeRequire_SetsSslModeAndDefaultPort()
    {
        var builder = Postgres("postgresql://u:p@host/db?sslmode=require");

        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(5432, builder.Port);
        Assert.Equal("host", builder.Host);
        Assert.Equal("db", builder.Database);
        Assert.Equal("u", builder.Username);
        Assert.Equal("p", builder.Password);
    }

    [Theory]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("prefer", SslMode.Prefer)]
    [InlineData("require", SslMode.Require)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    [InlineData("VERIFY-FULL", SslMode.VerifyFull)]
    public void Parse_PostgresUrlSslMode_MapsToNpgsqlSslMode(string sslMode, SslMode expected)
    {
        var builder = Postgres($"postgres://u:p@host:5433/db?sslmode={sslMode}");

        Assert.Equal(expected, builder.SslMode);
        Assert.Equal(5433, builder.Port);
    }

    [Fact]
    public void Parse_PostgresUrlWithUnknownSslMode_ThrowsWithoutPassword()
    {
        var exception = Assert.Throws<SettingException>(
            () => DatabaseSettings.Parse("postgres://u:secretpw@host/db?sslmode=bogus", ContentRoot));

        Assert.Equal("DATABASE_URL", exception.Setting);
        Assert.Contains("DATABASE_URL", exception.Message);
        Assert.DoesNotContain("secretpw", exception.Message);
    }

    [Fact]
    public void Parse_NpgsqlConnectionString_IsPostgresWithThoseValues()
    {
        var builder = Postgres("Host=localhost;Port=5433;Database=x;Username=y;Password=z");

        Assert.Equal("localhost", builder.Host);
        Assert.Equal(5433, builder.Port);
        Assert.Equal("x", builder.Database);
        Assert.Equal("y", builder.Username);
        Assert.Equal("z", builder.Password);
    }

    [Theory]
    [InlineData("mysql://u:secretpw@h/db")]
    [InlineData("postgres://u:secretpw@/db")]
    [InlineData("postgres://u:secretpw@host")]
    [InlineData("postgres://u:secretpw@host/")]
    [InlineData("postgres://u:secretpw@host:99999/db")]
    [InlineData("sqlite://relative.db")]
    [InlineData("sqlite:///")]
    [InlineData("sqlite:///:memory:")]
    [InlineData("sqlite:secretpw.db")]
    [InlineData("Database=x;Username=y;Password=secretpw")]
    [InlineData("Hots=x;Bogus=1;Password=secretpw")]
    [InlineData("Host=h;Port=abc;Password=secretpw")]
    [InlineData("Host=h;Password=secretpw;NotAKeyword")]
    [InlineData("just some words secretpw")]
    public void Parse_MalformedValue_ThrowsSettingExceptionNamingVariableWithoutPassword(string url)
    {
        var exception = Assert.Throws<SettingException>(() => DatabaseSettings.Parse(url, ContentRoot));

        Assert.Equal("DATABASE_URL", exception.Setting);
        Assert.Contains("DATABASE_URL", exception.Message);
        Assert.DoesNotContain("secretpw", exception.Message);
    }
}
