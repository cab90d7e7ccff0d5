namespace ProjectTracker.Web.Api;

/// <summary>The JSON of a list's items, in order, and the length of the array they make.</summary>
public sealed class SerializedArray(byte[][] items)
{
    public IReadOnlyList<byte[]> Items => items;

    /// <summary>'[' and ']' plus a comma between items plus the items.</summary>
    public long Length { get; } = 2 + Math.Max(0, items.Length - 1) + items.Sum(item => (long)item.Length);
}
