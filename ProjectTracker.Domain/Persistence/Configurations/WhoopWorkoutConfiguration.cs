using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class WhoopWorkoutConfiguration : IEntityTypeConfiguration<WhoopWorkout>
{
    public void Configure(EntityTypeBuilder<WhoopWorkout> builder)
    {
        builder.ToTable("whoop_workout");
        builder.Property(w => w.WorkoutId).HasMaxLength(50);
        builder.HasIndex(w => w.WorkoutId).IsUnique();
        builder.HasIndex(w => w.StartTime);
        builder.Property(w => w.SportName).HasMaxLength(100);
        builder.Property(w => w.ScoreState).HasMaxLength(20);
        builder.Property(w => w.TimezoneOffset).HasMaxLength(10);
    }
}
