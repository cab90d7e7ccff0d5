namespace ProjectTracker.Domain.Whoop.Import;

/// <summary>An export that cannot be imported, and where: the file, and the line and column when one row is at fault.</summary>
public sealed class WhoopImportException(string message, string? file = null, long? line = null, string? column = null, bool tooLarge = false)
    : Exception(message)
{
    public string? File { get; } = file;
    public long? Line { get; } = line;
    public string? Column { get; } = column;

    /// <summary>The upload or what it inflates to is over the limits (413), rather than broken (400).</summary>
    public bool TooLarge { get; } = tooLarge;
}
