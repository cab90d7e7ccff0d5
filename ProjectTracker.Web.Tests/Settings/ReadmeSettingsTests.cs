using System.Text.RegularExpressions;

namespace ProjectTracker.Web.Tests.Settings;

/// <summary>The README's settings table stays a table one can read; what does not fit a cell is in docs/CONFIGURATION.md.</summary>
public sealed partial class ReadmeSettingsTests
{
    private const int LongestCell = 200;

    [Fact]
    public void SettingsTable_EveryCell_FitsInAFewLines()
    {
        var tooLong = TableRows().Matches(RepositoryFiles.Read("README.md"))
            .SelectMany(row => CellSeparator().Split(row.Value.Trim().Trim('|')))
            .Where(cell => cell.Trim().Length > LongestCell)
            .Select(cell => cell.Trim()[..60] + "…")
            .ToList();

        Assert.True(tooLong.Count == 0, $"README table cells over {LongestCell} characters (move the detail to docs/CONFIGURATION.md): {string.Join("; ", tooLong)}");
    }

    [Fact]
    public void SettingsTable_MoreLinks_EachReachAHeadingOfConfigurationMd()
    {
        var anchors = Heading().Matches(RepositoryFiles.Read("docs", "CONFIGURATION.md"))
            .Select(h => AnchorDrop().Replace(h.Groups[1].Value.ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet();

        var links = MoreLink().Matches(RepositoryFiles.Read("README.md")).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(links);
        Assert.Equal(anchors.Order(), links.Order()); // each link reaches a section, and each section is linked from its row
    }

    [GeneratedRegex(@"^\|.*\|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRows();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    // GitHub's heading anchors: lower case, punctuation dropped except '-' and '_', spaces as '-'.
    [GeneratedRegex(@"[^a-z0-9 _-]")]
    private static partial Regex AnchorDrop();

    [GeneratedRegex(@"\]\(docs/CONFIGURATION\.md#([^)]+)\)")]
    private static partial Regex MoreLink();
}
