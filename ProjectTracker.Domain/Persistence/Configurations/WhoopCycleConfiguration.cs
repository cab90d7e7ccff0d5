using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class WhoopCycleConfiguration : IEntityTypeConfiguration<WhoopCycle>
{
    public void Configure(EntityTypeBuilder<WhoopCycle> builder)
    {
        builder.ToTable("whoop_cycle");
        builder.Property(c => c.CycleId).HasMaxLength(50);
        builder.HasIndex(c => c.CycleId).IsUnique();
        builder.HasIndex(c => c.StartTime);
        builder.Property(c => c.ScoreState).HasMaxLength(20);
        builder.Property(c => c.TimezoneOffset).HasMaxLength(10);
    }
}
