namespace ProjectTracker.Domain.GitHub;

/// <summary>
/// A project's <c>owner/name</c>, derived from its stored <c>html_url</c> (<c>https://github.com/owner/name</c>) until the
/// project table stores GitHub's <c>full_name</c> itself; the name alone when no URL is known (rows the old app wrote).
/// </summary>
public static class ProjectFullName
{
    public static string Of(string name, string? htmlUrl)
    {
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
