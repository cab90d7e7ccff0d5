using System.ComponentModel.DataAnnotations;

namespace ProjectTracker.Web.Configuration;

/// <summary>Section <c>Owner</c>: the person the app is for — their WHOOP account and their calendar.</summary>
public sealed class OwnerOptions : IValidatableObject
{
    public const string Section = "Owner";

    /// <summary>The one WHOOP account that may own the app, when set.</summary>
    public string? WhoopUserId { get; set; }

    /// <summary>IANA name of the zone the owner's days are counted in; unset, each day follows WHOOP's offsets.</summary>
    public string? TimeZone { get; set; }

    [EnumDataType(typeof(DayOfWeek), ErrorMessage = "must be a day name such as Monday or Sunday")]
    public DayOfWeek FirstDayOfWeek { get; set; } = DayOfWeek.Monday;

    public TimeZoneInfo? Zone => TimeZone is null ? null : FindZone(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TimeZone is not null && FindZone(TimeZone) is null)
        {
            yield return new ValidationResult(
                $"must be an IANA time-zone name such as Europe/Berlin or America/New_York; got '{TimeZone}'", [nameof(TimeZone)]);
        }
    }

    private static TimeZoneInfo? FindZone(string name) => TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null;
}
