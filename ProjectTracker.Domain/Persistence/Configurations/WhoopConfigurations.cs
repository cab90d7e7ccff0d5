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

internal sealed class WhoopProfileConfiguration : IEntityTypeConfiguration<WhoopProfile>
{
    public void Configure(EntityTypeBuilder<WhoopProfile> builder)
    {
        builder.ToTable("whoop_profile");
        builder.Property(p => p.UserId).HasMaxLength(50);
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(200);
    }
}

internal sealed class WhoopSyncStatusConfiguration : IEntityTypeConfiguration<WhoopSyncStatus>
{
    public void Configure(EntityTypeBuilder<WhoopSyncStatus> builder)
    {
        builder.ToTable("whoop_sync_status");
        builder.Property(s => s.LastSyncType).HasMaxLength(50);
        builder.Property(s => s.Status).HasMaxLength(20);
    }
}

internal sealed class WhoopConnectionConfiguration : IEntityTypeConfiguration<WhoopConnection>
{
    public void Configure(EntityTypeBuilder<WhoopConnection> builder)
    {
        builder.ToTable("whoop_connection");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.WhoopUserId).HasMaxLength(50);
        builder.Property(c => c.Scopes).HasMaxLength(500);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_key");
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
