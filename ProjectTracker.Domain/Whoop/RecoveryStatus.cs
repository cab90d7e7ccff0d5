namespace ProjectTracker.Domain.Whoop;

/// <summary>WHOOP's recovery zones: green 67–100, yellow 34–66, red 0–33.</summary>
public static class RecoveryStatus
{
    public const string Green = "green";
    public const string Yellow = "yellow";
    public const string Red = "red";
    public const string Unknown = "unknown";

    public static string Of(double? score) => score switch
    {
        null => Unknown,
        >= 67 => Green,
        >= 34 => Yellow,
        _ => Red,
    };
}
