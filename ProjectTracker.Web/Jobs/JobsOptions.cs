using System.ComponentModel.DataAnnotations;
using ProjectTracker.Domain.Configuration;

namespace ProjectTracker.Web.Jobs;

/// <summary>Section <c>Jobs</c>: where background jobs are queued, read before the app is built (it decides the storage).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary><c>REDIS_URL</c>: queue jobs in Redis (a secret: it may hold a password, see <see cref="RedisSettings"/>).</summary>
    public string? RedisUrl { get; set; }

    /// <summary>
    /// How long a job fetched by an instance that died (killed, crashed, host lost) stays invisible before a live
    /// instance takes it over and resumes it. Live workers renew it by heartbeat (every fifth of it), so a long refresh
    /// is never started twice; Hangfire.PostgreSql's 30-minute default would leave such a job "running" for half an hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", SettingMessages.LongestDuration, ErrorMessage = "must be a duration of at least 00:00:01 such as 00:05:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often each instance asks whether a recurring job (<c>GitHub:RefreshSchedule</c>, <c>Whoop:SyncSchedule</c>) or a
    /// delayed job is due; Hangfire's default. A schedule with seconds (six cron fields) needs a shorter one to fire on time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", SettingMessages.LongestDuration, ErrorMessage = "must be a duration of at least 00:00:01 such as 00:00:15")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);
}
