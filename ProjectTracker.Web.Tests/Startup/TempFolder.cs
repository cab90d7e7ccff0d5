namespace ProjectTracker.Web.Tests.Startup;

/// <summary>A fresh temporary folder, removed on dispose: a working folder shared by several app processes in turn.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pt-process-").FullName;

    public void Dispose() => Delete(Path);

    /// <summary>Removes <paramref name="folder"/> and everything in it, best effort.</summary>
    public static void Delete(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // a test's own connection must not hold a file open
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held by a dying process (Windows); the temp folder is cleaned by the OS later.
        }
    }
}
