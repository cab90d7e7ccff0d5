using System.Diagnostics;
using System.IO.Compression;
using CsvHelper;
using ProjectTracker.Domain.Whoop.Import;

namespace ProjectTracker.Bench;

/// <summary>
/// The import's work without the database, in this process: the zip inflated and every CSV field read as a string by
/// CsvHelper (the floor), and the app's own <see cref="WhoopExportReader"/> (the floor plus parsing into records).
/// </summary>
public static class ExportReadBaseline
{
    public static TimeSpan CsvOnly(byte[] zip)
    {
        var watch = Stopwatch.StartNew();
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var fields = 0L;
        foreach (var entry in archive.Entries)
        {
            using var csv = CsvReader.Create(entry.Open(), CsvReaderOptions.Default, leaveOpen: false);
            csv.ReadHeader();
            while (csv.Read())
            {
                for (var i = 0; i < csv.FieldCount; i++)
                {
                    fields += csv.GetString(i).Length > 0 ? 1 : 0;
                }
            }
        }

        watch.Stop();
        return fields > 0 ? watch.Elapsed : throw new InvalidOperationException("The export held no fields.");
    }

    public static TimeSpan AppReader(byte[] zip)
    {
        var watch = Stopwatch.StartNew();
        var export = WhoopExportReader.Read(new MemoryStream(zip));
        watch.Stop();
        return export.Cycles.Count > 0 ? watch.Elapsed : throw new InvalidOperationException("The app's reader found no cycles.");
    }
}
