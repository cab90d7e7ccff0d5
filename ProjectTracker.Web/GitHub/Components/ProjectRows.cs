using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Components;
using ProjectTracker.Web.Components.Charts;

namespace ProjectTracker.Web.GitHub.Components;

/// <summary>The project table's columns, in the order they are shown.</summary>
public enum ProjectColumn
{
    Name,
    Language,
    Commits,
    LinesOfCode,
    Hours,
    ActiveDays,
    LastCommit,
}

/// <summary>A column to sort the projects by, and which way.</summary>
public readonly record struct ProjectOrder(ProjectColumn Column, bool Descending);

/// <summary>
/// The project table's rows as markup, one per project, drawn once per project list and shared by every open page (the
/// list is never modified), with each sort order of the list kept once too. A page of the table is then a few references
/// to shared strings: as a data grid's cell components, 25 rows were about 0.65 MB of each open <c>/github</c> page.
/// </summary>
public sealed class ProjectRows
{
    private readonly IReadOnlyList<Project> _projects;
    private readonly ProjectLabels _labels;
    private readonly MarkupString[] _rows;
    private readonly MarkupString[] _items;
    private readonly int[] _unsorted;
    private readonly ConcurrentDictionary<ProjectOrder, int[]> _orders = new();

    private ProjectRows(IReadOnlyList<Project> projects, ProjectLabels labels)
    {
        _projects = projects;
        _labels = labels;
        _rows = projects.Select(Draw).ToArray();
        _items = projects.Select(DrawItem).ToArray();
        _unsorted = Enumerable.Range(0, projects.Count).ToArray();
        Languages = projects.Select(p => p.PrimaryLanguage).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>Every language of the list, alphabetically, for the language filter.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>
    /// The rows of a list; <paramref name="labels"/> names its projects when the caller has them counted already, else
    /// they are counted here. Kept in <paramref name="derived"/>, the snapshot's derived data, when the list comes from one.
    /// </summary>
    public static ProjectRows For(IReadOnlyList<Project> projects, ProjectLabels? labels = null, DerivedData? derived = null) =>
        DerivedData.Of(derived, (typeof(ProjectRows), projects), () => new ProjectRows(projects, labels ?? new ProjectLabels(projects)));

    /// <summary>The page of one project; names are escaped so any repository name makes a valid link.</summary>
    public static string Href(string name) => $"/github/{Uri.EscapeDataString(name)}";

    /// <summary>The column's first click: names and languages A to Z, numbers and dates largest or newest first.</summary>
    public static bool DescendingFirst(ProjectColumn column) => ProjectOrdering.DescendingFirst(SortOf(column));

    public MarkupString Row(int index) => _rows[index];

    /// <summary>The project as a phone's list item: its name with commits and hours, opening to the other columns.</summary>
    public MarkupString Item(int index) => _items[index];

    /// <summary>
    /// The projects' indexes in the order asked for, or in the list's own (the dashboard's: most recent work first);
    /// projects without the value come last either way.
    /// </summary>
    public IReadOnlyList<int> Order(ProjectOrder? sort) =>
        sort is { } wanted ? _orders.GetOrAdd(wanted, Sort) : _unsorted;

    /// <summary>Whether the project's name, full name, language or description contains the text (any case).</summary>
    public bool Matches(int index, string text)
    {
        var project = _projects[index];
        return Contains(project.Name, text) || Contains(project.FullName, text)
            || Contains(project.PrimaryLanguage, text) || Contains(project.Description, text);
    }

    public bool HasLanguage(int index, string language) =>
        string.Equals(_projects[index].PrimaryLanguage, language, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false;

    private int[] Sort(ProjectOrder sort)
    {
        // Name sorts by the label shown (ignoring case), Language is the table's own; the rest is the API's ordering.
        // Missing values come last either way; OrderBy is stable, so equal values keep the list's own order.
        Comparison<int> compare = sort.Column switch
        {
            ProjectColumn.Name => (a, b) => (sort.Descending ? -1 : 1)
                * StringComparer.OrdinalIgnoreCase.Compare(_labels.Label(_projects[a]), _labels.Label(_projects[b])),
            ProjectColumn.Language => (a, b) => ProjectOrdering.MissingLast(
                _projects[a].PrimaryLanguage, _projects[b].PrimaryLanguage, sort.Descending, StringComparer.OrdinalIgnoreCase),
            _ => Compare(ProjectOrdering.By(SortOf(sort.Column), sort.Descending)),
        };
        return Enumerable.Range(0, _projects.Count).OrderBy(i => i, Comparer<int>.Create(compare)).ToArray();
    }

    private Comparison<int> Compare(IComparer<Project> projects) => (a, b) => projects.Compare(_projects[a], _projects[b]);

    // The API's sort of a column; Language has none and reads A to Z like Name.
    private static ProjectSort SortOf(ProjectColumn column) => column switch
    {
        ProjectColumn.Commits => ProjectSort.Commits,
        ProjectColumn.LinesOfCode => ProjectSort.Loc,
        ProjectColumn.Hours => ProjectSort.TimeSpent,
        ProjectColumn.ActiveDays => ProjectSort.ActiveDays,
        ProjectColumn.LastCommit => ProjectSort.LastCommit,
        _ => ProjectSort.Name,
    };

    private MarkupString Draw(Project project)
    {
        var row = new StringBuilder("<tr><td>");
        Name(row, project);
        row.Append("</td><td>").Append(PlotMarkup.Encode(project.PrimaryLanguage ?? ""))
            .Append("</td><td class=\"pt-number\">").Append(Number(project.CommitCount))
            .Append("</td><td class=\"pt-number\">").Append(LinesOfCode(project))
            .Append("</td><td class=\"pt-number\">").Append(Hours(project))
            .Append("</td><td class=\"pt-number\">").Append(Number(project.ActiveDays))
            .Append("</td><td>").Append(LastCommit(project))
            .Append("</td></tr>");
        return new MarkupString(row.ToString());
    }

    private MarkupString DrawItem(Project project)
    {
        // The summary holds no link (a link inside it is a control inside a control, and too small a target): the page's
        // link opens with the rest.
        var item = new StringBuilder("<details class=\"pt-list-item\" data-testid=\"project-list-item\"><summary><span class=\"pt-list-name\">");
        item.Append(PlotMarkup.Encode(_labels.Label(project)));
        Marks(item, project);
        item.Append("</span><span style=\"white-space: nowrap;\">").Append(Number(project.CommitCount)).Append(" commits · ")
            .Append(Hours(project)).Append(" h</span></summary><table class=\"pt-compact pt-list-periods\"><tbody>");
        foreach (var (title, value) in new[]
                 {
                     ("Language", PlotMarkup.Encode(project.PrimaryLanguage ?? KpiTile.NoValue)), ("Lines of code", LinesOfCode(project)),
                     ("Active days", Number(project.ActiveDays)), ("Last commit", LastCommit(project) ?? KpiTile.NoValue),
                 })
        {
            item.Append("<tr><th scope=\"row\">").Append(title).Append("</th><td class=\"pt-number\">").Append(value).Append("</td></tr>");
        }

        item.Append(CultureInfo.InvariantCulture,
            $"</tbody></table><a class=\"mud-typography mud-link mud-primary-text mud-link-underline-always mud-typography-body2 pt-list-link\" href=\"{PlotMarkup.Encode(Href(project.Name))}\">Open {PlotMarkup.Encode(_labels.Label(project))}</a></details>");
        return new MarkupString(item.ToString());
    }

    private void Name(StringBuilder html, Project project)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"<a class=\"mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body2\" href=\"{PlotMarkup.Encode(Href(project.Name))}\">{PlotMarkup.Encode(_labels.Label(project))}</a>");
        Marks(html, project);
    }

    // Archived, and not refreshed with the reason.
    private static void Marks(StringBuilder html, Project project)
    {
        if (project.Archived)
        {
            html.Append("<span class=\"pt-chip\" data-testid=\"archived-chip\">Archived</span>");
        }

        if (project.FailedAt is not null)
        {
            var reason = PlotMarkup.Encode(project.FailureReason ?? "");
            html.Append(CultureInfo.InvariantCulture, $" <span title=\"{reason}\" data-testid=\"failed-mark\" role=\"img\" aria-label=\"Not refreshed: {reason}\">⚠</span>");
        }
    }

    private static string LinesOfCode(Project project) => project is { LocEstimated: true, Loc: { } estimate }
        ? $"<span title=\"Estimated from the repository size\">≈ {Number(estimate)}</span>"
        : Number(project.Loc);

    private static string Hours(Project project) =>
        project.TimeSpentMin is { } minutes ? (minutes / 60).ToString("N1", CultureInfo.InvariantCulture) : KpiTile.NoValue;

    private static string? LastCommit(Project project) => project.LastCommitDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? KpiTile.NoValue;
}
