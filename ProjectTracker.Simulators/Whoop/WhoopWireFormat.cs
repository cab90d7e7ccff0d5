using System.Globalization;
using System.Text.Json;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Simulators.Whoop;

/// <summary>
/// The simulator's answers written field by field with the names and shapes of WHOOP's published OpenAPI document
/// (API v2: <c>Cycle</c>, <c>Sleep</c>, <c>Recovery</c>, <c>WorkoutV2</c>, <c>UserBasicProfile</c>), not by serializing
/// the app's client records: a field the client renames or drops then fails the tests instead of agreeing with itself.
/// Optional members are left out when absent, as WHOOP does (a cycle in progress has no <c>end</c>; <c>score</c> only
/// when <c>SCORED</c>).
/// </summary>
public static class WhoopWireFormat
{
    /// <summary>Plain options: every name below is written as it stands.</summary>
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null, DictionaryKeyPolicy = null };

    public static Dictionary<string, object?> Cycle(WhoopCycleRecord c)
    {
        var json = Record(c.Id, c.UserId, c.CreatedAt, c.UpdatedAt);
        json["start"] = Time(c.Start);
        if (c.End is { } end)
        {
            json["end"] = Time(end);
        }

        json["timezone_offset"] = c.TimezoneOffset;
        json["score_state"] = c.ScoreState;
        if (c.Score is { } s)
        {
            json["score"] = new Dictionary<string, object?>
            {
                ["strain"] = s.Strain, ["kilojoule"] = s.Kilojoule,
                ["average_heart_rate"] = Whole(s.AverageHeartRate), ["max_heart_rate"] = Whole(s.MaxHeartRate),
            };
        }

        return json;
    }

    public static Dictionary<string, object?> Sleep(WhoopSleepRecord r)
    {
        var json = Record(r.Id, r.UserId, r.CreatedAt, r.UpdatedAt);
        json["cycle_id"] = r.CycleId;
        json["start"] = Time(r.Start);
        json["end"] = Time(r.End);
        json["timezone_offset"] = r.TimezoneOffset;
        json["nap"] = r.Nap;
        json["score_state"] = r.ScoreState;
        if (r.Score is { } s)
        {
            var stages = s.StageSummary;
            var needed = s.SleepNeeded;
            var score = new Dictionary<string, object?>
            {
                ["stage_summary"] = new Dictionary<string, object?>
                {
                    ["total_in_bed_time_milli"] = stages.TotalInBedTimeMilli,
                    ["total_awake_time_milli"] = stages.TotalAwakeTimeMilli,
                    ["total_no_data_time_milli"] = stages.TotalNoDataTimeMilli,
                    ["total_light_sleep_time_milli"] = stages.TotalLightSleepTimeMilli,
                    ["total_slow_wave_sleep_time_milli"] = stages.TotalSlowWaveSleepTimeMilli,
                    ["total_rem_sleep_time_milli"] = stages.TotalRemSleepTimeMilli,
                    ["sleep_cycle_count"] = stages.SleepCycleCount,
                    ["disturbance_count"] = stages.DisturbanceCount,
                },
                ["sleep_needed"] = new Dictionary<string, object?>
                {
                    ["baseline_milli"] = needed.BaselineMilli,
                    ["need_from_sleep_debt_milli"] = needed.NeedFromSleepDebtMilli,
                    ["need_from_recent_strain_milli"] = needed.NeedFromRecentStrainMilli,
                    ["need_from_recent_nap_milli"] = needed.NeedFromRecentNapMilli,
                },
            };
            Optional(score, "respiratory_rate", s.RespiratoryRate);
            Optional(score, "sleep_performance_percentage", s.SleepPerformancePercentage);
            Optional(score, "sleep_consistency_percentage", s.SleepConsistencyPercentage);
            Optional(score, "sleep_efficiency_percentage", s.SleepEfficiencyPercentage);
            json["score"] = score;
        }

        return json;
    }

    public static Dictionary<string, object?> Recovery(WhoopRecoveryRecord r)
    {
        var json = new Dictionary<string, object?>
        {
            ["cycle_id"] = r.CycleId, ["sleep_id"] = r.SleepId, ["user_id"] = r.UserId,
            ["created_at"] = Time(r.CreatedAt), ["updated_at"] = Time(r.UpdatedAt), ["score_state"] = r.ScoreState,
        };
        if (r.Score is { } s)
        {
            var score = new Dictionary<string, object?>
            {
                ["user_calibrating"] = s.UserCalibrating, ["recovery_score"] = s.RecoveryScore,
                ["resting_heart_rate"] = s.RestingHeartRate, ["hrv_rmssd_milli"] = s.HrvRmssdMilli,
            };
            Optional(score, "spo2_percentage", s.Spo2Percentage);
            Optional(score, "skin_temp_celsius", s.SkinTempCelsius);
            json["score"] = score;
        }

        return json;
    }

    public static Dictionary<string, object?> Workout(WhoopWorkoutRecord w)
    {
        var json = Record(w.Id, w.UserId, w.CreatedAt, w.UpdatedAt);
        json["start"] = Time(w.Start);
        json["end"] = Time(w.End);
        json["timezone_offset"] = w.TimezoneOffset;
        json["sport_name"] = w.SportName;
        json["score_state"] = w.ScoreState;
        if (w.Score is { } s)
        {
            var score = new Dictionary<string, object?>
            {
                ["strain"] = s.Strain, ["average_heart_rate"] = Whole(s.AverageHeartRate), ["max_heart_rate"] = Whole(s.MaxHeartRate),
                ["kilojoule"] = s.Kilojoule, ["percent_recorded"] = s.PercentRecorded ?? 100.0,
                ["zone_durations"] = ZoneDurations(w.End - w.Start, s.AverageHeartRate, s.MaxHeartRate),
            };
            Optional(score, "distance_meter", s.DistanceMeter);
            Optional(score, "altitude_gain_meter", s.AltitudeGainMeter);
            Optional(score, "altitude_change_meter", s.AltitudeChangeMeter);
            json["score"] = score;
        }

        if (w.SportId is { } sportId)
        {
            json["sport_id"] = sportId;
        }

        return json;
    }

    public static Dictionary<string, object?> Profile(WhoopUserProfile p) => new()
    {
        ["user_id"] = p.UserId, ["email"] = p.Email, ["first_name"] = p.FirstName, ["last_name"] = p.LastName,
    };

    private static Dictionary<string, object?> Record(object id, long userId, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new()
    {
        ["id"] = id, ["user_id"] = userId, ["created_at"] = Time(createdAt), ["updated_at"] = Time(updatedAt),
    };

    // WHOOP writes UTC with milliseconds: 2022-04-24T11:25:44.774Z.
    private static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // Heart rates are int32 in WHOOP's schema.
    private static int Whole(double beatsPerMinute) => (int)Math.Round(beatsPerMinute, MidpointRounding.AwayFromZero);

    private static void Optional(Dictionary<string, object?> json, string name, double? value)
    {
        if (value is { } v)
        {
            json[name] = v;
        }
    }

    // Required by the schema, unused by the app: the time spread over the zones around the workout's average.
    private static Dictionary<string, object?> ZoneDurations(TimeSpan length, double average, double max)
    {
        var total = (long)length.TotalMilliseconds;
        var intensity = max > 0 ? Math.Clamp(average / max, 0, 1) : 0;
        var high = (long)(total * 0.4 * intensity);
        var low = total - high;
        return new Dictionary<string, object?>
        {
            ["zone_zero_milli"] = low / 4, ["zone_one_milli"] = low / 4, ["zone_two_milli"] = low - 2 * (low / 4),
            ["zone_three_milli"] = high / 2, ["zone_four_milli"] = high - high / 2, ["zone_five_milli"] = 0L,
        };
    }
}
