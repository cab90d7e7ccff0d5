using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Bench;

/// <summary>
/// A database of its own on the PostgreSQL server named by <c>BENCH_POSTGRES_URL</c> (an Npgsql connection string), made
/// for one run and dropped when disposed.
/// </summary>
internal sealed class PostgresContexts : IDbContextFactory<TrackerDbContext>, IAsyncDisposable
{
    public const string ServerVariable = "BENCH_POSTGRES_URL";

    private readonly string _server;
    private readonly string _name = $"pt_bench_{Guid.NewGuid():N}";
    private readonly DbContextOptions<PostgresTrackerDbContext> _options;

    private PostgresContexts(string server)
    {
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
        _options = new DbContextOptionsBuilder<PostgresTrackerDbContext>().UseNpgsql(ConnectionString).Options;
    }

    /// <summary>The new database's connection string, as the app takes it in <c>DATABASE_URL</c>.</summary>
    public string ConnectionString { get; }

    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable);

    public static async Task<PostgresContexts> CreateAsync(string server)
    {
        var contexts = new PostgresContexts(server);
        await contexts.ExecuteAsync($"CREATE DATABASE \"{contexts._name}\"");
        return contexts;
    }

    public TrackerDbContext CreateDbContext() => new PostgresTrackerDbContext(_options);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
