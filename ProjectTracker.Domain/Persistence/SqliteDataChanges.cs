using Microsoft.Data.Sqlite;

namespace ProjectTracker.Domain.Persistence;

/// <summary>
/// SQLite's <c>PRAGMA data_version</c> on a connection of its own that never writes: it changes whenever any other
/// connection, in this process or another, commits to the database file.
/// </summary>
public sealed class SqliteDataChanges(string connectionString) : IDataChanges, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    public async Task<string?> ReadTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                // The value is per connection: the same connection must be asked every time.
                _connection = new SqliteConnection(connectionString);
                await _connection.OpenAsync(cancellationToken);
            }

            await using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _gate.Dispose();
    }
}
