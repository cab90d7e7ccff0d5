using System.Text.RegularExpressions;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>
/// Names our sources write by hand that nothing else checks: MudBlazor's <c>mud-*</c> classes in the shared markup
/// (decision 0013; a renamed class changes the look without a compile error), and the files decision records cite.
/// </summary>
public sealed partial class SourceReferencesTests
{
    private static readonly string[] SourceExtensions = [".razor", ".cs", ".css", ".js"];

    [Fact]
    public void MudClassNames_WrittenInOurMarkup_ExistInTheStylesheetMudBlazorShips()
    {
        var stylesheet = File.ReadAllText(MudBlazorStylesheet());
        var used = RepositoryFilesUnder("ProjectTracker.Web", SourceExtensions)
            .SelectMany(file => MudClass().Matches(File.ReadAllText(file))
                .Select(m => (Class: m.Groups["name"].Value, Completed: m.Groups["hole"].Success, File: Path.GetFileName(file))))
            .ToList();

        var missing = used.Where(u => !DefinedIn(stylesheet, u.Class, u.Completed))
            .Select(u => $"{u.Class} ({u.File})").Distinct().ToList();

        Assert.True(used.Count > 50, $"only {used.Count} mud-* classes found: the scan is looking in the wrong place");
        Assert.True(missing.Count == 0, $"mud-* classes not in MudBlazor's stylesheet: {string.Join(", ", missing)}");
    }

    [Fact]
    public void DecisionRecords_FilesTheyName_Exist()
    {
        var files = RepositoryFilesUnder("", []).Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/')).ToList();
        var records = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "docs", "decisions"), "*.md");

        var missing = records
            .SelectMany(record => CitedFile().Matches(File.ReadAllText(record)).Select(m => (Record: Path.GetFileName(record), Cited: m.Groups[1].Value)))
            .Where(c => !files.Any(f => Names(f, c.Cited)))
            .Select(c => $"{c.Record}: {c.Cited}")
            .ToList();

        Assert.True(missing.Count == 0, $"decision records cite files that do not exist: {string.Join("; ", missing)}");
    }

    // A cited path names a file when it is the file's whole path, or its end after a folder or the projects' prefix
    // ("Web/Configuration/SettingsBinding.cs" for ProjectTracker.Web/Configuration/SettingsBinding.cs).
    private static bool Names(string file, string cited) =>
        file == cited || file.EndsWith("/" + cited, StringComparison.Ordinal) || file.EndsWith("ProjectTracker." + cited, StringComparison.Ordinal);

    // A class rule, not a custom property (--mud-palette-…) or a longer class that merely starts the same way; a class
    // completed at run time (mud-icon-size-{size}) needs some class that begins so.
    private static bool DefinedIn(string stylesheet, string cssClass, bool completed) =>
        Regex.IsMatch(stylesheet, completed ? $@"\.{Regex.Escape(cssClass)}-[\w-]+" : $@"\.{Regex.Escape(cssClass)}(?![\w-])");

    // The app's static web assets manifest (copied beside the tests) names the package folder the stylesheet is served from.
    private static string MudBlazorStylesheet()
    {
        var manifest = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ProjectTracker.Web.staticwebassets.runtime.json"));
        var folder = PackageAssets().Matches(manifest).Select(m => Regex.Unescape(m.Groups[1].Value))
            .Single(f => f.Contains("mudblazor", StringComparison.OrdinalIgnoreCase));
        return Path.Combine(folder, "MudBlazor.min.css");
    }

    private static IEnumerable<string> RepositoryFilesUnder(string folder, string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, folder), "*", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "node_modules" or "TestResults"))
            .Where(f => extensions.Length == 0 || extensions.Contains(Path.GetExtension(f)));

    [GeneratedRegex(@"(?<![\w-])(?<name>mud-[a-z0-9]+(?:-[a-z0-9]+)*)(?<hole>-\{)?")]
    private static partial Regex MudClass();

    [GeneratedRegex(@"""([^""]*staticwebassets[/\\]*)""")]
    private static partial Regex PackageAssets();

    [GeneratedRegex(@"`([\w./-]+\.(?:cs|razor|js|css|sh|json|md|props|yml))`")]
    private static partial Regex CitedFile();
}
