namespace ProjectTracker.Domain.Whoop;

/// <summary>The connected WHOOP member's profile, cached at sign-in (table <c>whoop_profile</c>, the old app's).</summary>
public sealed class WhoopProfile
{
    public int Id { get; set; }
    public string? UserId { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }

    /// <summary>The body measurement (<c>read:body_measurement</c>); null until WHOOP answered it.</summary>
    public double? HeightMeter { get; set; }
    public double? WeightKilogram { get; set; }
    public int? MaxHeartRate { get; set; }
    public DateTime? CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
