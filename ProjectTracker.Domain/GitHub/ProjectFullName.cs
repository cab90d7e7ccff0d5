namespace ProjectTracker.Domain.GitHub;

/// <summary>
/// A project's <c>owner/name</c>: GitHub's <c>full_name</c> as the refresh stored it; for a row not refreshed since
/// (the old app's), derived from its <c>html_url</c> (<c>https://github.com/owner/name</c>); the name alone when neither
/// is known.
/// </summary>
public static class ProjectFullName
{
    public static string Of(string name, string? fullName, string? htmlUrl)
    {
        if (fullName is { Length: > 0 })
        {
            return fullName;
        }

        if (Uri.TryCreate(htmlUrl, UriKind.Absolute, out var url))
        {
            var segments = url.AbsolutePath.Trim('/').Split('/');
            if (segments.Length == 2 && segments.All(s => s.Length > 0))
            {
                return $"{Uri.UnescapeDataString(segments[0])}/{Uri.UnescapeDataString(segments[1])}";
            }
        }

        return name;
    }
}
