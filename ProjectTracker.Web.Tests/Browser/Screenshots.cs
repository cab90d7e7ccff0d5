namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// Where full-page screenshots go: <c>ProjectTracker.Web.Tests/TestResults/screenshots</c> (git-ignored; CI keeps it as
/// an artifact), or the folder named by <c>SCREENSHOTS_DIR</c>.
/// </summary>
public static class Screenshots
{
    public const string FolderVariable = "SCREENSHOTS_DIR";

    public static string Folder { get; } = Create();

    public static string PathFor(string test, string page)
    {
        var name = string.Concat($"{test}-{page}".Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(Folder, name + ".png");
    }

    private static string Create()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(ProjectFolder(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    // The test project's folder, found upwards from bin/<configuration>/<framework>; the output folder if it is not there.
    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProjectTracker.Web.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
