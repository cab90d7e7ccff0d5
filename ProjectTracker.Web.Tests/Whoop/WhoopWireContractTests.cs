using System.Text.Json;
using System.Text.Json.Nodes;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Simulators.Whoop;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>
/// The WHOOP wire format checked from both sides against WHOOP's published examples (Fixtures/whoop-v2-examples.json):
/// the app's client reads every documented field, and the simulator writes only documented fields, all the required
/// ones, so neither can drift along with the other.
/// </summary>
public sealed class WhoopWireContractTests
{
    private static readonly JsonObject Examples = JsonNode.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Whoop", "Fixtures", "whoop-v2-examples.json")))!.AsObject();

    private static T Read<T>(string example) => Examples[example].Deserialize<T>(WhoopJson.Options)!;

    [Fact]
    public void Client_ReadsWhoopsExampleCycle()
    {
        var cycle = Read<WhoopCycleRecord>("cycle");

        Assert.Equal(93845, cycle.Id);
        Assert.Equal(10129, cycle.UserId);
        Assert.Equal(new DateTimeOffset(2022, 4, 24, 10, 25, 44, 774, TimeSpan.Zero), cycle.End);
        Assert.Equal("-05:00", cycle.TimezoneOffset);
        Assert.Equal(new WhoopCycleScore(5.2951527, 8288.297, 68, 141), cycle.Score);
    }

    [Fact]
    public void Client_ReadsWhoopsExampleSleep()
    {
        var sleep = Read<WhoopSleepRecord>("sleep");

        Assert.Equal("ecfc6a15-4661-442f-a9a4-f160dd7afae8", sleep.Id);
        Assert.Equal(93845, sleep.CycleId);
        Assert.False(sleep.Nap);
        Assert.Equal(new WhoopSleepStageSummary(30272735, 1403507, 0, 14905851, 6630370, 5879573, 3, 12), sleep.Score!.StageSummary);
        Assert.Equal(new WhoopSleepNeeded(27395716, 352230, 208595, -12312), sleep.Score.SleepNeeded);
        Assert.Equal(16.11328125, sleep.Score.RespiratoryRate);
        Assert.Equal(98.0, sleep.Score.SleepPerformancePercentage);
        Assert.Equal(90.0, sleep.Score.SleepConsistencyPercentage);
        Assert.Equal(91.69533848, sleep.Score.SleepEfficiencyPercentage);
    }

    [Fact]
    public void Client_ReadsWhoopsExampleRecovery()
    {
        var recovery = Read<WhoopRecoveryRecord>("recovery");

        Assert.Equal(93845, recovery.CycleId);
        Assert.Equal("123e4567-e89b-12d3-a456-426614174000", recovery.SleepId);
        Assert.Equal(new WhoopRecoveryScore(false, 44.0, 64.0, 31.813562, 95.6875, 33.7), recovery.Score);
    }

    [Fact]
    public void Client_ReadsWhoopsExampleWorkoutProfileAndBody()
    {
        var workout = Read<WhoopWorkoutRecord>("workout");

        Assert.Equal("running", workout.SportName);
        Assert.Equal(1, workout.SportId);
        Assert.Equal(new WhoopWorkoutScore(8.2463, 123, 146, 1569.34033203125, 100.0, 1772.77035916, 46.64384460449, -0.781372010707855),
            workout.Score);
        Assert.Equal(new WhoopUserProfile(10129, "jsmith123@whoop.com", "John", "Smith"), Read<WhoopUserProfile>("profile"));
        Assert.Equal(new WhoopBodyMeasurement(1.8288, 90.7185, 200), Read<WhoopBodyMeasurement>("body"));
    }

    public static TheoryData<string, string[]> Required => new()
    {
        // The schemas' required members, and the score's when SCORED.
        { "cycle", ["created_at", "id", "score_state", "start", "timezone_offset", "updated_at", "user_id", "score.average_heart_rate", "score.kilojoule", "score.max_heart_rate", "score.strain"] },
        { "sleep", ["created_at", "cycle_id", "end", "id", "nap", "score_state", "start", "timezone_offset", "updated_at", "user_id", "score.sleep_needed", "score.stage_summary"] },
        { "recovery", ["created_at", "cycle_id", "score_state", "sleep_id", "updated_at", "user_id", "score.hrv_rmssd_milli", "score.recovery_score", "score.resting_heart_rate", "score.user_calibrating"] },
        { "workout", ["created_at", "end", "id", "score_state", "sport_name", "start", "timezone_offset", "updated_at", "user_id", "score.average_heart_rate", "score.kilojoule", "score.max_heart_rate", "score.percent_recorded", "score.strain", "score.zone_durations"] },
        { "profile", ["email", "first_name", "last_name", "user_id"] },
    };

    [Theory]
    [MemberData(nameof(Required))]
    public void Simulator_WritesOnlyDocumentedFields_AndEveryRequiredOne(string example, string[] required)
    {
        var written = Written(example);
        var documented = Paths(Examples[example]!.AsObject());
        var paths = Paths(written);

        Assert.Empty(paths.Except(documented)); // nothing WHOOP does not send
        Assert.Empty(required.Except(paths)); // nothing WHOOP always sends is missing
    }

    [Theory]
    [InlineData("cycle")]
    [InlineData("sleep")]
    [InlineData("recovery")]
    [InlineData("workout")]
    [InlineData("profile")]
    public void Simulator_WritesTheExampleBackAsWhoopWroteIt(string example)
    {
        var written = Written(example);

        // Read with the client, written by the simulator: the documented values come back, numbers and instants alike.
        foreach (var path in Paths(written).Where(p => !p.StartsWith("score.zone_durations", StringComparison.Ordinal)))
        {
            Assert.Equal(Value(Examples[example]!, path), Value(written, path));
        }
    }

    private static JsonObject Written(string example) => JsonNode.Parse(JsonSerializer.Serialize<object>(example switch
    {
        "cycle" => WhoopWireFormat.Cycle(Read<WhoopCycleRecord>(example)),
        "sleep" => WhoopWireFormat.Sleep(Read<WhoopSleepRecord>(example)),
        "recovery" => WhoopWireFormat.Recovery(Read<WhoopRecoveryRecord>(example)),
        "workout" => WhoopWireFormat.Workout(Read<WhoopWorkoutRecord>(example)),
        "profile" => WhoopWireFormat.Profile(Read<WhoopUserProfile>(example)),
        _ => throw new ArgumentOutOfRangeException(nameof(example)),
    }, WhoopWireFormat.Json))!.AsObject();

    private static HashSet<string> Paths(JsonObject json, string prefix = "") =>
    [
        .. json.SelectMany(p => p.Value is JsonObject inner
            ? [$"{prefix}{p.Key}", .. Paths(inner, $"{prefix}{p.Key}.")]
            : new[] { $"{prefix}{p.Key}" }),
    ];

    private static string Value(JsonNode json, string path)
    {
        var node = path.Split('.').Aggregate((JsonNode?)json, (n, key) => n?[key]);
        return node switch
        {
            JsonObject => "{}",
            // 98.0 and 98 are the same number on the wire.
            JsonValue number when number.GetValueKind() == JsonValueKind.Number =>
                number.GetValue<double>().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => node?.ToJsonString() ?? "null",
        };
    }
}
