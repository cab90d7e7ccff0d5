using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class WhoopRecoveryConfiguration : IEntityTypeConfiguration<WhoopRecovery>
{
    public void Configure(EntityTypeBuilder<WhoopRecovery> builder)
    {
        builder.ToTable("whoop_recovery");
        builder.Property(r => r.CycleId).HasMaxLength(50);
        builder.HasIndex(r => r.CycleId).IsUnique();
        builder.HasIndex(r => r.Date);
        builder.Property(r => r.SleepId).HasMaxLength(50);
        builder.Property(r => r.ScoreState).HasMaxLength(20);
        builder.Property(r => r.TimezoneOffset).HasMaxLength(10);
    }
}
