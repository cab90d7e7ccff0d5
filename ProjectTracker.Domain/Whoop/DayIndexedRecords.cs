using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Whoop;

/// <summary>
/// Records of one kind in the lists' order (newest first), each with the local day it is listed under: a range is
/// answered by a pass over day numbers in memory, in the same order as the database query would give.
/// </summary>
public sealed class DayIndexedRecords<T>
{
    private readonly T[] _items;
    private readonly int[] _days;

    /// <param name="inListOrder">The records as the list queries order them.</param>
    /// <param name="dayOf">The day a record is listed under; a record without one is in no range.</param>
    public DayIndexedRecords(IReadOnlyList<T> inListOrder, Func<T, DateTime?> dayOf)
    {
        _items = [.. inListOrder];
        _days = [.. _items.Select(item => dayOf(item) is { } day ? DateOnly.FromDateTime(day).DayNumber : int.MinValue)];
    }

    public IReadOnlyList<T> Items => _items;

    /// <summary>The positions in <see cref="Items"/> of the records listed under a day of <paramref name="range"/>, in order.</summary>
    public IEnumerable<int> IndexesIn(DateRange range)
    {
        int first = range.Start.DayNumber, last = range.End.DayNumber;
        for (var i = 0; i < _days.Length; i++)
        {
            if (_days[i] >= first && _days[i] <= last)
            {
                yield return i;
            }
        }
    }

    public List<T> In(DateRange range) => [.. IndexesIn(range).Select(i => _items[i])];
}
