using Microsoft.Data.Sqlite;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// A fresh SQLite database for one browser fixture, in memory-backed <c>/dev/shm</c> when there is one: the demo's year
/// of records is thousands of small commits, each an fsync on a disk.
/// </summary>
public sealed class BrowserDatabase : IAsyncDisposable
{
    private readonly string _folder = CreateFolder();

    public string DatabaseUrl => $"sqlite:///{_folder}/tracker.db";

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string CreateFolder() =>
        Directory.Exists("/dev/shm")
            ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"pt-browser-{Guid.NewGuid():N}")).FullName
            : Directory.CreateTempSubdirectory("pt-browser-").FullName;
}
