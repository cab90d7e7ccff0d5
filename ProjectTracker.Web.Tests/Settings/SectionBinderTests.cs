using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ProjectTracker.Domain.Configuration;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Tests.Settings;

/// <summary>
/// The binder and the validator over a section of every kind of property (<see cref="ProbeOptions"/>), read the way
/// the app reads settings before it is built, and the one start-up line each failure gives.
/// </summary>
public sealed class SectionBinderTests
{
    private const string Section = "Probe";

    [Fact]
    public void Bind_TrimsValues_SplitsAList_AndLeavesBlankOnesAtTheirDefaults()
    {
        var probe = Read(("Enabled", " true "), ("Count", "3"), ("Limit", ""), ("Delay", "   "), ("Day", "friday"), ("Names", " a, ,b "));

        Assert.True(probe.Enabled);
        Assert.Equal(3, probe.Count);
        Assert.Null(probe.Limit);
        Assert.Equal(new ProbeOptions().Delay, probe.Delay);
        Assert.Equal(DayOfWeek.Friday, probe.Day);
        Assert.Equal(["a", "b"], probe.Names);
    }

    [Theory]
    [InlineData("Enabled", "maybe", "Probe:Enabled must be true or false; got 'maybe'.")]
    [InlineData("Count", "many", "Probe:Count must be a whole number; got 'many'.")]
    [InlineData("Limit", "1e3", "Probe:Limit must be a whole number; got '1e3'.")]
    [InlineData("Delay", "soon", "Probe:Delay " + SettingMessages.Duration + "; got 'soon'.")]
    [InlineData("Day", "Funday", "Probe:Day must be one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday; got 'Funday'.")]
    [InlineData("Id", "not-a-guid", "Probe:Id cannot be read as Guid; got 'not-a-guid'.")]
    [InlineData("Rated", "ten", "Probe:Rated must be a whole number from 1 to 10; got 'ten'.")]
    public void Bind_ValueOfTheWrongType_NamesTheSettingAndWhatItMustBe(string key, string value, string expected) =>
        Assert.Equal(expected, Assert.Throws<SettingException>(() => Read((key, value))).Message["Configuration error: ".Length..]);

    [Theory]
    [InlineData("Delay", "01:00:00.5", "Probe:Delay must be above zero and at most an hour; got '01:00:00.5'.")]
    [InlineData("Delay", "02:00:00", "Probe:Delay must be above zero and at most an hour; got '02:00:00'.")]
    [InlineData("Link", "relative/path", "Probe:Link must be an absolute URL; got 'relative/path'.")]
    [InlineData("Count", "0", "Probe:Enabled needs a count when it is on; got 'True'.")]
    [InlineData("Text", "whole", "Probe is wrong as a whole.")]
    [InlineData("Text", "ghost", "Probe:Ghost names no property.")]
    [InlineData("Text", "hunter2", "Probe:Text must not be a password.")]
    public void Validate_BrokenRule_SaysTheSettingTheRuleAndTheValueUnlessItIsText(string key, string value, string expected)
    {
        var error = Assert.ThrowsAny<Exception>(() => Read(("Enabled", "true"), ("Count", "1"), (key, value)));

        Assert.Equal($"Configuration error: {expected}", StartupFailure.Describe(error));
    }

    [Fact]
    public void Describe_SettingInsideAnAggregate_IsItsLine_AndAnEmptyAggregateIsNoConfigurationError()
    {
        var setting = new SettingException("PORT", "must be a port number.");

        Assert.Equal(setting.Message, StartupFailure.Describe(new AggregateException(setting, new InvalidOperationException("later"))));
        Assert.Null(StartupFailure.Describe(new AggregateException()));
        Assert.Null(StartupFailure.Describe(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void Describe_ConfigurationFileThatCannotBeRead_NamesTheFileAndTheCause()
    {
        var json = new JsonException("'}' is invalid after a value. LineNumber: 4 | BytePositionInLine: 2.", "$", 4, 2);

        Assert.Equal(
            "Configuration error: appsettings.json (/srv/app/appsettings.json) is not valid JSON at line 5, position 3: '}' is invalid after a value.",
            StartupFailure.Describe(FailedToLoad("/srv/app/appsettings.json", new FormatException("wrapped", json))));
        Assert.Equal(
            "Configuration error: secrets.json (/srv/secrets.json) cannot be read: Access to the path is denied.",
            StartupFailure.Describe(FailedToLoad("/srv/secrets.json", new UnauthorizedAccessException("Access to the path is denied."))));
    }

    [Fact]
    public void Describe_OtherInvalidData_IsNoConfigurationError()
    {
        Assert.Null(StartupFailure.Describe(new InvalidDataException("Failed to load configuration from file '/srv/appsettings.json'.")));
        Assert.Null(StartupFailure.Describe(new InvalidDataException("The zip is broken.", new FormatException("bad header"))));
    }

    private static InvalidDataException FailedToLoad(string path, Exception inner) =>
        new($"Failed to load configuration from file '{path}'.", inner);

    // A later value of the same setting wins.
    private static ProbeOptions Read(params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in settings)
        {
            values[$"{Section}:{key}"] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().ReadSettings<ProbeOptions>(Section);
    }

    /// <summary>One property of each kind the binder converts, and rules whose failures name a member or none.</summary>
    public sealed class ProbeOptions : IValidatableObject
    {
        public bool Enabled { get; set; }
        public int Count { get; set; }
        public long? Limit { get; set; }
        public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(30);
        public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
        public Guid Id { get; set; }

        [Range(1, 10, ErrorMessage = "must be a whole number from 1 to 10")]
        public int Rated { get; set; } = 1;

        public string[] Names { get; set; } = [];
        public Uri? Link { get; set; }
        public string? Text { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Delay <= TimeSpan.Zero || Delay > TimeSpan.FromHours(1))
            {
                yield return new ValidationResult("must be above zero and at most an hour", [nameof(Delay)]);
            }

            if (Link is { IsAbsoluteUri: false })
            {
                yield return new ValidationResult("must be an absolute URL", [nameof(Link)]);
            }

            if (Enabled && Count == 0)
            {
                yield return new ValidationResult("needs a count when it is on", [nameof(Enabled)]);
            }

            var problem = Text switch
            {
                "whole" => new ValidationResult("is wrong as a whole"),
                "ghost" => new ValidationResult("names no property", ["Ghost"]),
                "hunter2" => new ValidationResult("must not be a password", [nameof(Text)]),
                _ => null,
            };
            if (problem is not null)
            {
                yield return problem;
            }
        }
    }
}
