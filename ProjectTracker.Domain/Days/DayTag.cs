namespace ProjectTracker.Domain.Days;

/// <summary>
/// A tag on one of the owner's local days (table <c>day_tag</c>): an answer of WHOOP's journal (imported from the
/// member's data export; the API has no journal), or one of the owner's own tags. Both answers of a journal question
/// are kept: the days answered "no" are what the days answered "yes" are compared with.
/// </summary>
public sealed class DayTag
{
    public const string JournalSource = "journal";
    public const string OwnSource = "own";

    /// <summary>A tag the app puts on a day from its data (e.g. late-night coding): computed when read, never stored or deleted.</summary>
    public const string AutoSource = "auto";
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 2000;

    public int Id { get; set; }

    /// <summary>The local day (midnight, no time zone): a journal answer's is its cycle's day.</summary>
    public DateTime Date { get; set; }
    public required string Name { get; set; }
    public required string Source { get; set; }

    /// <summary>Yes or no; an own tag is a yes.</summary>
    public bool Answer { get; set; }

    /// <summary>The journal's note, as text (never markup).</summary>
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
