using System.IO.Compression;
using System.Text;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Domain.Whoop.Import;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>
/// The export reader over tiny hand-written zips: how cells of each kind read, and that a bad cell names its file, line
/// and column. (WhoopImportTests covers whole generated exports through the endpoint.)
/// </summary>
public sealed class WhoopExportReaderTests
{
    private const string CyclesHeader = "Cycle start time,Cycle end time,Cycle timezone,Day Strain,Recovery score %";
    private const string SleepsHeader = "Cycle timezone,Sleep onset,Wake onset,Nap";
    private const string WorkoutsHeader = "Cycle timezone,Workout start time,Workout end time,Activity name,Activity Strain";
    private const string JournalHeader = "Cycle start time,Cycle timezone,Question text,Answered yes,Notes";

    private const string Cycle = "2026-03-14 07:00:00,,UTC-05:00,,";
    private const string Sleep = "UTC-05:00,2026-03-13 23:00:00,2026-03-14 07:00:00,false";
    private const string Workout = "UTC-05:00,2026-03-14 18:00:00,2026-03-14 19:00:00,Running,";

    [Fact]
    public void Read_CycleWithoutStrainOrRecovery_IsPending_AndHasNoRecovery_NorEnd()
    {
        var export = Read(cycles: Cycle);

        var cycle = Assert.Single(export.Cycles);
        Assert.Equal(WhoopScoreState.Pending, cycle.Cycle.ScoreState);
        Assert.Null(cycle.Cycle.Score);
        Assert.Null(cycle.Cycle.End);
        Assert.Null(cycle.Recovery);
        Assert.Null(cycle.SleepStart);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 7, 0, 0, TimeSpan.FromHours(-5)), cycle.Cycle.Start);
        Assert.Empty(export.Journal);
    }

    [Theory]
    [InlineData("UTC", 0, "+00:00")]
    [InlineData("utc+05:30", 5.5, "+05:30")]
    [InlineData("-03:30", -3.5, "-03:30")]
    [InlineData("UTC+14:00", 14, "+14:00")]
    public void Read_Zone_AsWhoopWritesIt_IsTheOffset_AndTheApisText(string zone, double hours, string text)
    {
        var cycle = Assert.Single(Read(cycles: $"2026-03-14 07:00:00,,{zone},,").Cycles).Cycle;

        Assert.Equal(text, cycle.TimezoneOffset);
        Assert.Equal(TimeSpan.FromHours(hours), cycle.Start.Offset);
    }

    [Theory]
    [InlineData("UTC+15:00")]
    [InlineData("Mars")]
    public void Read_ZoneBeyond14HoursOrNotAZone_NamesTheCell(string zone)
    {
        var error = Assert.Throws<WhoopImportException>(() => Read(cycles: $"2026-03-14 07:00:00,,{zone},,"));

        Assert.Contains("not a time zone", error.Message, StringComparison.Ordinal);
        Assert.Equal((WhoopExportReader.CyclesFile, 2L, "Cycle timezone"), (error.File, error.Line, error.Column));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("1", true)]
    [InlineData("TRUE", true)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void Read_Nap_ReadsEachWayOfSayingYesOrNo_AndEmptyIsNoNap(string nap, bool expected)
    {
        var sleep = Assert.Single(Read(sleeps: "UTC-05:00,2026-03-14 13:00:00,2026-03-14 13:30:00," + nap).Sleeps);

        Assert.Equal(expected, sleep.Nap);
        Assert.Equal(WhoopScoreState.Pending, sleep.ScoreState);
    }

    [Fact]
    public void Read_NapNeitherTrueNorFalse_NamesTheCell()
    {
        var error = Assert.Throws<WhoopImportException>(() => Read(sleeps: Sleep + "\r\nUTC-05:00,2026-03-14 13:00:00,2026-03-14 13:30:00,maybe"));

        Assert.Contains("neither true nor false", error.Message, StringComparison.Ordinal);
        Assert.Equal((WhoopExportReader.SleepsFile, 3L, "Nap"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Read_WakeBeforeSleepOnset_NamesTheWakeCell()
    {
        var error = Assert.Throws<WhoopImportException>(() => Read(sleeps: "UTC-05:00,2026-03-14 07:00:00,2026-03-13 23:00:00,false"));

        Assert.Contains("before the sleep onset", error.Message, StringComparison.Ordinal);
        Assert.Equal((WhoopExportReader.SleepsFile, 2L, "Wake onset"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Read_EmptySleepOnset_IsEmpty_NotUnknown()
    {
        var error = Assert.Throws<WhoopImportException>(() => Read(sleeps: "UTC-05:00,,2026-03-14 07:00:00,false"));

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
        Assert.Equal("Sleep onset", error.Column);
    }

    [Fact]
    public void Read_WorkoutEndingBeforeItStarts_NamesTheEndCell()
    {
        var error = Assert.Throws<WhoopImportException>(() => Read(workouts: "UTC-05:00,2026-03-14 19:00:00,2026-03-14 18:00:00,Running,"));

        Assert.Contains("before the workout's start", error.Message, StringComparison.Ordinal);
        Assert.Equal((WhoopExportReader.WorkoutsFile, 2L, "Workout end time"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Read_WorkoutWithoutActivityName_IsEmpty()
    {
        var error = Assert.Throws<WhoopImportException>(() => Read(workouts: "UTC-05:00,2026-03-14 18:00:00,2026-03-14 19:00:00,  ,"));

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
        Assert.Equal("Activity name", error.Column);
    }

    [Fact]
    public void Read_Workout_SportInLowerCase_UnscoredWithoutStrain()
    {
        var workout = Assert.Single(Read(workouts: Workout).Workouts);

        Assert.Equal("running", workout.SportName);
        Assert.Equal(WhoopScoreState.Pending, workout.ScoreState);
        Assert.Null(workout.Score);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    public void Read_StrainThatIsNoFiniteNumber_IsNotANumber(string strain)
    {
        var error = Assert.Throws<WhoopImportException>(() => Read(workouts: $"UTC-05:00,2026-03-14 18:00:00,2026-03-14 19:00:00,Running,\"{strain}\""));

        Assert.Contains("not a number", error.Message, StringComparison.Ordinal);
        Assert.Equal("Activity Strain", error.Column);
    }

    [Fact]
    public void Read_Journal_AnswersOnTheCycleDay_WithItsNote()
    {
        var export = Read(journal: "2026-03-14 07:00:00,UTC-05:00,Had alcohol?,yes,red wine\r\n2026-03-15 07:00:00,UTC-05:00,Had alcohol?,no,");

        Assert.Equal(
            [new JournalAnswer(new DateOnly(2026, 3, 14), "Had alcohol?", true, "red wine"), new JournalAnswer(new DateOnly(2026, 3, 15), "Had alcohol?", false, null)],
            export.Journal);
    }

    [Fact]
    public void Read_JournalAnswerLeftEmpty_NamesTheCell()
    {
        var error = Assert.Throws<WhoopImportException>(() => Read(journal: "2026-03-14 07:00:00,UTC-05:00,Had alcohol?,,"));

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
        Assert.Equal((WhoopExportReader.JournalFile, 2L, "Answered yes"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Read_RowOverTheRecordLimit_IsNotCsvAsWhoopWritesIt()
    {
        var huge = new string('x', WhoopExportLimits.MaxRecordBytes + 10);

        var error = Assert.Throws<WhoopImportException>(() => Read(workouts: $"UTC-05:00,2026-03-14 18:00:00,2026-03-14 19:00:00,{huge},"));

        Assert.Contains("not CSV as WHOOP writes it", error.Message, StringComparison.Ordinal);
        Assert.Equal(WhoopExportReader.WorkoutsFile, error.File);
    }

    [Fact]
    public void Read_EntryInAFolder_IsFound_AndAnAbsolutePathIsRefused()
    {
        Assert.Single(Read(cycles: Cycle, folder: "my_whoop_data/").Cycles);

        var error = Assert.Throws<WhoopImportException>(() => Read(cycles: Cycle, folder: "C:/export/"));
        Assert.Contains("outside the export", error.Message, StringComparison.Ordinal);
    }

    // A zip of the three files (and the journal when given), each a header and the given rows.
    private static WhoopExport Read(string? cycles = null, string? sleeps = null, string? workouts = null, string? journal = null, string folder = "")
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, folder + WhoopExportReader.CyclesFile, CyclesHeader, cycles ?? Cycle);
            Add(archive, folder + WhoopExportReader.SleepsFile, SleepsHeader, sleeps ?? Sleep);
            Add(archive, folder + WhoopExportReader.WorkoutsFile, WorkoutsHeader, workouts ?? Workout);
            if (journal is not null)
            {
                Add(archive, folder + WhoopExportReader.JournalFile, JournalHeader, journal);
            }
        }

        zip.Position = 0;
        return WhoopExportReader.Read(zip);
    }

    private static void Add(ZipArchive archive, string name, string header, string rows)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(header + "\r\n" + rows + "\r\n"));
    }
}
