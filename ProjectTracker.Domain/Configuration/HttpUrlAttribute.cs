using System.ComponentModel.DataAnnotations;

namespace ProjectTracker.Domain.Configuration;

/// <summary>A setting that is an absolute <c>http://</c> or <c>https://</c> address (the binder takes any text as a relative URI).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public HttpUrlAttribute()
        : base("must be an absolute http:// or https:// URL")
    {
    }

    /// <summary>The address of a site (no query or fragment), such as the app's own public address.</summary>
    public bool SiteOnly { get; init; }

    public override bool IsValid(object? value) =>
        value is null || value is Uri { IsAbsoluteUri: true } uri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && (!SiteOnly || uri.Query.Length == 0 && uri.Fragment.Length == 0);
}
