using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class GitHubHttpCacheEntryConfiguration : IEntityTypeConfiguration<GitHubHttpCacheEntry>
{
    public void Configure(EntityTypeBuilder<GitHubHttpCacheEntry> builder)
    {
        builder.ToTable("github_http_cache");
        builder.HasKey(e => e.Url);
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.ETag).HasMaxLength(200);
    }
}
