using System.ComponentModel.DataAnnotations;
using ProjectTracker.Domain.Configuration;

namespace ProjectTracker.Domain.Persistence;

/// <summary>Section <c>ReadModel</c>: how long a shared read model may serve a snapshot when this process wrote nothing since it was read.</summary>
public sealed class ReadModelOptions
{
    public const string Section = "ReadModel";
    public const int DefaultSeconds = 2;

    /// <summary>The bound on how late another instance's write shows; 0 reads every time.</summary>
    [Range(0, 3600, ErrorMessage = SettingMessages.WholeNumber)]
    public int MaxAgeSeconds { get; set; } = DefaultSeconds;

    public TimeSpan MaxAge => TimeSpan.FromSeconds(MaxAgeSeconds);
}
