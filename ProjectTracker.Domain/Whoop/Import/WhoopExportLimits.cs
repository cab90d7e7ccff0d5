namespace ProjectTracker.Domain.Whoop.Import;

/// <summary>What one import may take: a real five-year export is a few MB zipped and about 20 MB of CSV.</summary>
public static class WhoopExportLimits
{
    /// <summary>The upload itself (413 beyond).</summary>
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    /// <summary>All files of the zip together, as they inflate (413 beyond: a zip bomb stops here, read as it streams).</summary>
    public const long MaxInflatedBytes = 256L * 1024 * 1024;

    /// <summary>Rows in one file: a century of daily answers to a dozen questions.</summary>
    public const int MaxRowsPerFile = 500_000;

    /// <summary>One CSV record (a longer one is not WHOOP's).</summary>
    public const int MaxRecordBytes = 64 * 1024;
}
