using System.ComponentModel.DataAnnotations;
using ProjectTracker.Domain.Configuration;

namespace ProjectTracker.Web.Api;

/// <summary>Section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>How long <see cref="ResponseCache"/> keeps an answer when this process wrote nothing since; 0 turns it off.</summary>
    [Range(0, 3600, ErrorMessage = SettingMessages.WholeNumber)]
    public int ResponseCacheSeconds { get; set; } = 2;
}
