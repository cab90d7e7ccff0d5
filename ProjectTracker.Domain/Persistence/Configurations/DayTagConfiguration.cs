using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.Days;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class DayTagConfiguration : IEntityTypeConfiguration<DayTag>
{
    public void Configure(EntityTypeBuilder<DayTag> builder)
    {
        builder.ToTable("day_tag");
        builder.Property(t => t.Name).HasMaxLength(DayTag.MaxNameLength);
        builder.Property(t => t.Source).HasMaxLength(10);
        builder.Property(t => t.Note).HasMaxLength(DayTag.MaxNoteLength);
        builder.HasIndex(t => new { t.Date, t.Source, t.Name }).IsUnique();
        builder.HasIndex(t => t.Name);
    }
}
