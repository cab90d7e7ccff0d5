namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// Whether the browser tests save a full-page screenshot of what they open, and where: only when asked, by
/// <c>SCREENSHOTS=1</c> (into <c>ProjectTracker.Web.Tests/TestResults/screenshots</c>, git-ignored) or by
/// <c>SCREENSHOTS_DIR</c> (into that folder). <c>.ci/run</c> asks, so CI keeps them as an artifact; an ordinary run
/// saves none (about 80 PNG files, 14 MB, and the browser's time to draw and encode them; docs/TESTING.md).
/// </summary>
public static class Screenshots
{
    public const string FolderVariable = "SCREENSHOTS_DIR";

    public const string SwitchVariable = "SCREENSHOTS";

    public static bool Enabled { get; } =
        Environment.GetEnvironmentVariable(SwitchVariable) == "1" || Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 };

    private static readonly Lazy<string> Folder = new(Create);

    public static string PathFor(string test, string page)
    {
        var name = string.Concat($"{test}-{page}".Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(Folder.Value, name + ".png");
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
