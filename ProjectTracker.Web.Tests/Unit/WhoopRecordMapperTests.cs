using System.Text.Json;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>WHOOP's own documented example records (whoop-openapi.yml), mapped to the old app's fields and formats.</summary>
public sealed class WhoopRecordMapperTests
{
    private static readonly DateTime Now = new(2026, 3, 15, 12, 0, 0, DateTimeKind.Utc);

    private const string ExampleCycle = """
        {"id":93845,"user_id":10129,"created_at":"2022-04-24T11:25:44.774Z","updated_at":"2022-04-24T14:25:44.774Z",
         "start":"2022-04-24T02:25:44.774Z","end":"2022-04-24T10:25:44.774Z","timezone_offset":"-05:00","score_state":"SCORED",
         "score":{"strain":5.2951527,"kilojoule":8288.297,"average_heart_rate":68,"max_heart_rate":141}}
        """;

    private const string ExampleSleep = """
        {"id":"ecfc6a15-4661-442f-a9a4-f160dd7afae8","cycle_id":93845,"v1_id":93845,"user_id":10129,
         "created_at":"2022-04-24T11:25:44.774Z","updated_at":"2022-04-24T14:25:44.774Z","start":"2022-04-24T02:25:44.774Z",
         "end":"2022-04-24T10:25:44.774Z","timezone_offset":"-05:00","nap":false,"score_state":"SCORED",
         "score":{"stage_summary":{"total_in_bed_time_milli":30272735,"total_awake_time_milli":1403507,"total_no_data_time_milli":0,
           "total_light_sleep_time_milli":14905851,"total_slow_wave_sleep_time_milli":6630370,"total_rem_sleep_time_milli":5879573,
           "sleep_cycle_count":3,"disturbance_count":12},
          "sleep_needed":{"baseline_milli":27395716,"need_from_sleep_debt_milli":352230,"need_from_recent_strain_milli":208595,
           "need_from_recent_nap_milli":-12312},
          "respiratory_rate":16.11328125,"sleep_performance_percentage":98.0,"sleep_consistency_percentage":90.0,
          "sleep_efficiency_percentage":91.69533848}}
        """;

    private const string ExampleRecovery = """
        {"cycle_id":93845,"sleep_id":"123e4567-e89b-12d3-a456-426614174000","user_id":10129,
         "created_at":"2022-04-24T11:25:44.774Z","updated_at":"2022-04-24T14:25:44.774Z","score_state":"SCORED",
         "score":{"user_calibrating":false,"recovery_score":44,"resting_heart_rate":64,"hrv_rmssd_milli":31.813562,
          "spo2_percentage":95.6875,"skin_temp_celsius":33.7}}
        """;

    private const string ExampleWorkout = """
        {"id":"ecfc6a15-4661-442f-a9a4-f160dd7afae8","v1_id":1043,"user_id":9012,"created_at":"2022-04-24T11:25:44.774Z",
         "updated_at":"2022-04-24T14:25:44.774Z","start":"2022-04-24T02:25:44.774Z","end":"2022-04-24T10:25:44.774Z",
         "timezone_offset":"-05:00","sport_name":"running","score_state":"SCORED","sport_id":1,
         "score":{"strain":8.2463,"average_heart_rate":123,"max_heart_rate":146,"kilojoule":1569.34033203125,"percent_recorded":100,
          "distance_meter":1772.77035916,"altitude_gain_meter":46.64384460449,"altitude_change_meter":-0.781372010707855,
          "zone_durations":{"zone_zero_milli":300000,"zone_one_milli":600000,"zone_two_milli":900000,"zone_three_milli":900000,
           "zone_four_milli":600000,"zone_five_milli":300000}}}
        """;

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, WhoopJson.Options)!;

    [Fact]
    public void Cycle_DocumentedExample_MapsToItsDayStrainAndKilojoules()
    {
        var row = new WhoopCycle();

        WhoopRecordMapper.Apply(row, Read<WhoopCycleRecord>(ExampleCycle), Now);
        var json = CycleJson.From(row);

        Assert.Equal("93845", json.CycleId);
        Assert.Equal("2022-04-24", json.Date); // 21:25 on the 23rd at −05:00, plus 12 h
        Assert.Equal(5.3, json.Strain);
        Assert.Equal(8288, json.Kilojoules);
        Assert.Equal(68, json.AverageHeartRate);
        Assert.Equal("SCORED", json.ScoreState);
    }

    [Fact]
    public void Sleep_DocumentedExample_MapsStagesHoursAndNeed()
    {
        var row = new WhoopSleep();

        WhoopRecordMapper.Apply(row, Read<WhoopSleepRecord>(ExampleSleep), Now);
        var json = SleepJson.From(row);

        Assert.Equal("2022-04-24", json.Date); // woke at 05:25 local
        Assert.Equal(7.6, json.TotalSleepHours); // light + deep + REM = 27,415,794 ms
        Assert.Equal(98, json.Stages.RemMin);
        Assert.Equal(111, json.Stages.DeepMin);
        Assert.Equal(248, json.Stages.LightMin);
        Assert.Equal(23, json.Stages.AwakeMin);
        Assert.Equal(7.8, json.SleepNeedHours); // 27,944,229 ms
        Assert.Equal(98.0, json.SleepPerformance);
        Assert.Equal(91.69533848, json.SleepEfficiency);
        Assert.Equal(16.11328125, json.RespiratoryRate);
        Assert.False(json.IsNap);
        Assert.Equal("93845", json.CycleId);
    }

    [Fact]
    public void Recovery_DocumentedExample_MapsScoresAndZone()
    {
        var row = new WhoopRecovery();

        WhoopRecordMapper.Apply(row, Read<WhoopRecoveryRecord>(ExampleRecovery), new DateOnly(2022, 4, 24), "-05:00", Now);
        var json = RecoveryJson.From(row);

        Assert.Equal("93845", json.CycleId);
        Assert.Equal("2022-04-24", json.Date);
        Assert.Equal(44, json.RecoveryScore);
        Assert.Equal("yellow", json.RecoveryStatus);
        Assert.Equal(64, json.RestingHeartRate);
        Assert.Equal(31.813562, json.HrvRmssd);
        Assert.Equal(95.6875, json.Spo2Percentage);
        Assert.Equal(33.7, json.SkinTempCelsius);
        Assert.False(json.UserCalibrating);
    }

    [Fact]
    public void Workout_DocumentedExample_MapsKilocaloriesDurationAndLocalDay()
    {
        var row = new WhoopWorkout();

        WhoopRecordMapper.Apply(row, Read<WhoopWorkoutRecord>(ExampleWorkout), Now);
        var json = WorkoutJson.From(row);

        Assert.Equal(375, json.Calories); // 1569.34 kJ ÷ 4.184
        Assert.Equal(1569.34033203125, json.Kilojoules);
        Assert.Equal(480, json.DurationMin);
        Assert.Equal(8.2, json.Strain);
        Assert.Equal("running", json.SportName);
        Assert.Equal(1772.77035916, json.DistanceMeters);
        Assert.Equal("2022-04-23", json.Date); // started 21:25 local on the 23rd
    }

    [Fact]
    public void Sleep_PendingThenScored_FillsInTheMeasurements()
    {
        var scored = Read<WhoopSleepRecord>(ExampleSleep);
        var row = new WhoopSleep();

        WhoopRecordMapper.Apply(row, scored with { ScoreState = WhoopScoreState.Pending, Score = null }, Now);
        var whilePending = (row.ScoreState, row.TotalSleepHours);
        WhoopRecordMapper.Apply(row, Read<WhoopSleepRecord>(ExampleSleep), Now.AddHours(1));

        Assert.Equal((WhoopScoreState.Pending, (double?)null), whilePending);
        Assert.Equal(WhoopScoreState.Scored, row.ScoreState);
        Assert.NotNull(row.TotalSleepHours);
        Assert.Equal(Now, row.CreatedAt);
        Assert.Equal(Now.AddHours(1), row.UpdatedAt);
    }

    [Fact]
    public void Workout_Unscorable_KeepsTheRecordWithoutMeasurements()
    {
        var unscorable = new WhoopWorkoutRecord("w-1", 1, Now, Now, Now.AddHours(-1), Now, "+09:00", "sauna", WhoopScoreState.Unscorable, null, null);
        var row = new WhoopWorkout();

        WhoopRecordMapper.Apply(row, unscorable, Now);

        Assert.Equal(WhoopScoreState.Unscorable, row.ScoreState);
        Assert.Null(row.Calories);
        Assert.Null(row.Strain);
        Assert.Equal(60, row.DurationMin);
        Assert.Equal(new DateTime(2026, 3, 15, 0, 0, 0, DateTimeKind.Utc), row.Date);
    }
}
