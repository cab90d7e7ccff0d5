using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class WhoopSleepConfiguration : IEntityTypeConfiguration<WhoopSleep>
{
    public void Configure(EntityTypeBuilder<WhoopSleep> builder)
    {
        builder.ToTable("whoop_sleep");
        builder.Property(s => s.SleepId).HasMaxLength(50);
        builder.HasIndex(s => s.SleepId).IsUnique();
        builder.HasIndex(s => s.Date);
        builder.Property(s => s.CycleId).HasMaxLength(50);
        builder.Property(s => s.ScoreState).HasMaxLength(20);
        builder.Property(s => s.TimezoneOffset).HasMaxLength(10);
    }
}
