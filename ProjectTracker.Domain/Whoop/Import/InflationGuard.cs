namespace ProjectTracker.Domain.Whoop.Import;

/// <summary>
/// Reads a zip entry while counting what all entries of one import inflated to, and stops at
/// <see cref="WhoopExportLimits.MaxInflatedBytes"/>: an entry's declared size can lie, what it inflates to cannot.
/// </summary>
internal sealed class InflationGuard(Stream inner, InflationBudget budget, string file) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        budget.Spend(read, file);
        return read;
    }
}

/// <summary>The inflated bytes one import may still read.</summary>
internal sealed class InflationBudget
{
    private long _left = WhoopExportLimits.MaxInflatedBytes;

    public void Spend(long bytes, string file)
    {
        _left -= bytes;
        if (_left < 0)
        {
            throw new WhoopImportException(
                $"The export inflates to more than {WhoopExportLimits.MaxInflatedBytes / (1024 * 1024)} MB (stopped in {file}); a WHOOP export is far smaller.",
                file, tooLarge: true);
        }
    }
}
