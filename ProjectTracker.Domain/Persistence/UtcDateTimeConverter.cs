using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ProjectTracker.Domain.Persistence;

/// <summary>
/// Stores timestamps as plain UTC wall-clock values (the old app's <c>DATETIME</c> columns) and reads them back as
/// <see cref="DateTimeKind.Utc"/>, so they serialise with a trailing <c>Z</c> and compare correctly.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Unspecified),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
