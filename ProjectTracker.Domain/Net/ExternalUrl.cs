namespace ProjectTracker.Domain.Net;

/// <summary>
/// URLs that GitHub or WHOOP hand us, before they are stored, served or rendered as a link: kept only when absolute
/// <c>https:</c> or <c>http:</c>. Anything else (<c>javascript:</c>, <c>data:</c>, a relative path) would run or
/// navigate where a frontend renders it as a link, and no legitimate repository address looks like that.
/// </summary>
public static class ExternalUrl
{
    /// <summary><paramref name="url"/> when it is an absolute http(s) address with a host, else null.</summary>
    public static string? Safe(string? url) =>
        url is not null
        && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
            ? url
            : null;
}
