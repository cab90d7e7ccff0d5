using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace ProjectTracker.Web.Components;

/// <summary>
/// A Material icon as the SVG MudBlazor's <c>MudIcon</c> draws, for plain elements that take MudBlazor's classes instead
/// of its components. Drawn once per icon and look, and shared by every open page.
/// </summary>
public static class IconMarkup
{
    private static readonly ConcurrentDictionary<(string Path, string Size, string? Color), MarkupString> Drawn = new();

    /// <param name="path">The icon's paths, e.g. <c>Icons.Material.Filled.Download</c>.</param>
    /// <param name="size">small, medium or large.</param>
    /// <param name="color">A text colour class such as <c>mud-primary-text</c>.</param>
    public static MarkupString Svg(string path, string size = "medium", string? color = null) =>
        Drawn.GetOrAdd((path, size, color), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon{(key.Color is null ? "" : " " + key.Color)} mud-icon-size-{key.Size}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{key.Path}</svg>"));

    private static readonly ConcurrentDictionary<string, MarkupString> ButtonStarts = new();

    /// <summary>A small button's leading icon, in the span MudBlazor's <c>MudButton StartIcon</c> puts it in.</summary>
    public static MarkupString ButtonStart(string path) =>
        ButtonStarts.GetOrAdd(path, key => new MarkupString(
            $"<span class=\"mud-button-icon-start mud-button-icon-size-small\">{Svg(key, "small").Value}</span>"));
}
