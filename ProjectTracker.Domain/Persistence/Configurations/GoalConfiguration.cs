using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.Goals;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.ToTable("goal");
        builder.HasKey(g => g.Name);
        builder.Property(g => g.Name).HasMaxLength(Goal.MaxNameLength);
    }
}
