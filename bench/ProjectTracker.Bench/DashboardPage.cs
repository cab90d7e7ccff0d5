namespace ProjectTracker.Bench;

/// <summary>
/// A page to time, and the CSS selectors that must all be visible for it to count as usable. The interactive marker
/// (rendered by the layout only once the Blazor circuit is connected) is always among them: the prerendered HTML already
/// shows the numbers, but nothing on it responds until the circuit is up.
/// </summary>
public sealed record DashboardPage(string Label, string Path, IReadOnlyList<string> VisibleWhenReady)
{
    public const string InteractiveMarker = "[data-testid=interactive]";

    /// <summary>JavaScript for the browser: true once the marker exists and every selector matches a laid-out element.</summary>
    public string ReadyCondition()
    {
        var selectors = string.Join(", ", VisibleWhenReady.Select(s => $"'{s}'"));
        return $"document.querySelector('{InteractiveMarker}') !== null && [{selectors}].every(s => " +
               "{ const e = document.querySelector(s); return e !== null && e.getClientRects().length > 0; })";
    }
}
