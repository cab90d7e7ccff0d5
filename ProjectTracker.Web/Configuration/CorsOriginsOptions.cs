using System.ComponentModel.DataAnnotations;

namespace ProjectTracker.Web.Configuration;

/// <summary>Section <c>Cors</c>: <c>Cors:Origins</c> (the old <c>CORS_ORIGINS</c>), the origins allowed to call <c>/api</c>, or <c>*</c>.</summary>
public sealed class CorsOriginsOptions : IValidatableObject
{
    public const string Section = "Cors";

    public string[] Origins { get; set; } = [];

    /// <summary>The origins as browsers send them (no trailing slash).</summary>
    public IEnumerable<string> AllowedOrigins => Origins.Select(origin => origin.TrimEnd('/'));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // An origin is scheme://host[:port] over http(s): anything else no browser sends, and would silently allow nothing.
        if (AllowedOrigins.FirstOrDefault(origin => origin != "*" && !IsOrigin(origin)) is { } notAnOrigin)
        {
            yield return new ValidationResult(
                $"must be comma-separated origins such as https://example.com; '{notAnOrigin}' is not one", [nameof(Origins)]);
        }
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
