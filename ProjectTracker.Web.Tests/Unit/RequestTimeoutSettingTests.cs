using Microsoft.Extensions.Configuration;
using ProjectTracker.Domain.Configuration;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class RequestTimeoutSettingTests
{
    private static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    [InlineData("soon")]
    public void ReadTimeout_ZeroNegativeOrNotADuration_NamesTheSetting(string value)
    {
        var error = Assert.Throws<SettingException>(() => Settings(value).ReadTimeout("GitHub:RequestTimeout", Default));

        Assert.Equal("GitHub:RequestTimeout", error.Setting);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("00:00:01.5", 1.5)]
    public void ReadTimeout_AbsentOrAboveZero_IsUsed(string? value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Settings(value).ReadTimeout("GitHub:RequestTimeout", Default));

    private static IConfiguration Settings(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GitHub:RequestTimeout"] = value }).Build();
}
