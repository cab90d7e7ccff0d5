using Npgsql;
using ProjectTracker.Domain.Configuration;

namespace ProjectTracker.Domain.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database to use, parsed from <c>DATABASE_URL</c> in any of the forms the old app and its hosts used.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SettingName = "DATABASE_URL";
    public const string DefaultSqliteFile = "App_Data/projecttracker.db";

    /// <summary>
    /// Parses <paramref name="databaseUrl"/>: empty → the default SQLite file; <c>sqlite:///relative.db</c> or
    /// <c>sqlite:////absolute.db</c>; <c>postgres://</c> / <c>postgresql://</c> URLs (with <c>?sslmode=</c>); or an
    /// Npgsql connection string. Relative SQLite paths resolve against <paramref name="contentRoot"/>.
    /// </summary>
    /// <exception cref="SettingException">The value is malformed; the message does not contain it (it may hold a password).</exception>
    public static DatabaseSettings Parse(string? databaseUrl, string contentRoot)
    {
        var value = databaseUrl?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return Sqlite(Path.Combine(contentRoot, DefaultSqliteFile));
        }

        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            return ParseSqliteUrl(value, contentRoot);
        }

        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Postgres, PostgresUrlToConnectionString(value));
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            var scheme = value[..value.IndexOf(':', StringComparison.Ordinal)];
            throw Invalid($"uses the unsupported scheme '{scheme}'.");
        }

        if (value.Contains('='))
        {
            return new(DatabaseProvider.Postgres, ValidateNpgsqlConnectionString(value));
        }

        throw Invalid("is not a database URL.");
    }

    private static DatabaseSettings Sqlite(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path}");

    private static DatabaseSettings ParseSqliteUrl(string value, string contentRoot)
    {
        // SQLAlchemy form: three slashes then a relative path, four slashes for an absolute one.
        const string prefix = "sqlite:///";
        if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || value.Length == prefix.Length)
        {
            throw Invalid("must look like sqlite:///relative/path.db or sqlite:////absolute/path.db.");
        }

        var path = Uri.UnescapeDataString(value[prefix.Length..]);
        if (path == ":memory:")
        {
            throw Invalid("cannot be an in-memory SQLite database: the data would vanish with each connection.");
        }

        return Sqlite(Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path)));
    }

    private static string PostgresUrlToConnectionString(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw Invalid("is not a valid postgres:// URL (expected postgres://user:password@host:port/database).");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
        {
            throw Invalid("names no database (expected postgres://user:password@host:port/database).");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };

        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(separator < 0 ? uri.UserInfo : uri.UserInfo[..separator]);
            if (separator >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
            }
        }

        foreach (var (key, parameter) in QueryParameters(uri.Query))
        {
            if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
            {
                builder.SslMode = ParseSslMode(parameter);
            }
        }

        return builder.ConnectionString;
    }

    private static IEnumerable<(string Key, string Value)> QueryParameters(string query) =>
        query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : ""));

    private static SslMode ParseSslMode(string value) => value.ToLowerInvariant() switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw Invalid($"has an unknown sslmode '{value}' (use disable, allow, prefer, require, verify-ca or verify-full)."),
    };

    private static string ValidateNpgsqlConnectionString(string value)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw Invalid("is a connection string without Host=.");
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            throw Invalid("is not a valid PostgreSQL connection string.");
        }
    }

    private static SettingException Invalid(string problem) => new(SettingName, problem);
}
