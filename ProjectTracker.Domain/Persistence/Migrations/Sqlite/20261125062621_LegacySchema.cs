using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectTracker.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegacySchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "project",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    time_spent_min = table.Column<double>(type: "REAL", nullable: true),
                    loc = table.Column<int>(type: "INTEGER", nullable: true),
                    commit_count = table.Column<int>(type: "INTEGER", nullable: true),
                    active_days = table.Column<int>(type: "INTEGER", nullable: true),
                    last_commit_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    code_churn = table.Column<int>(type: "INTEGER", nullable: true),
                    primary_language = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    repository_size_kb = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "refresh_job",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    error_message = table.Column<string>(type: "TEXT", nullable: true),
                    repositories_processed = table.Column<int>(type: "INTEGER", nullable: false),
                    total_repositories = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refresh_job", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "whoop_cycle",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cycle_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    start_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    end_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    strain = table.Column<double>(type: "REAL", nullable: true),
                    kilojoules = table.Column<double>(type: "REAL", nullable: true),
                    average_heart_rate = table.Column<double>(type: "REAL", nullable: true),
                    max_heart_rate = table.Column<double>(type: "REAL", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_whoop_cycle", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "whoop_profile",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_whoop_profile", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "whoop_recovery",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cycle_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recovery_score = table.Column<double>(type: "REAL", nullable: true),
                    resting_heart_rate = table.Column<double>(type: "REAL", nullable: true),
                    hrv_rmssd = table.Column<double>(type: "REAL", nullable: true),
                    spo2_percentage = table.Column<double>(type: "REAL", nullable: true),
                    skin_temp_celsius = table.Column<double>(type: "REAL", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_whoop_recovery", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "whoop_sleep",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sleep_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    start_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    end_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    total_sleep_hours = table.Column<double>(type: "REAL", nullable: true),
                    sleep_performance = table.Column<double>(type: "REAL", nullable: true),
                    sleep_efficiency = table.Column<double>(type: "REAL", nullable: true),
                    sleep_consistency = table.Column<double>(type: "REAL", nullable: true),
                    rem_sleep_min = table.Column<double>(type: "REAL", nullable: true),
                    deep_sleep_min = table.Column<double>(type: "REAL", nullable: true),
                    light_sleep_min = table.Column<double>(type: "REAL", nullable: true),
                    awake_min = table.Column<double>(type: "REAL", nullable: true),
                    respiratory_rate = table.Column<double>(type: "REAL", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_whoop_sleep", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "whoop_sync_status",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    last_sync_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_sync_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    records_synced = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    error_message = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_whoop_sync_status", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "whoop_workout",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    workout_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    start_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    end_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sport_id = table.Column<int>(type: "INTEGER", nullable: true),
                    sport_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    strain = table.Column<double>(type: "REAL", nullable: true),
                    average_heart_rate = table.Column<double>(type: "REAL", nullable: true),
                    max_heart_rate = table.Column<double>(type: "REAL", nullable: true),
                    calories = table.Column<double>(type: "REAL", nullable: true),
                    distance_meters = table.Column<double>(type: "REAL", nullable: true),
                    duration_min = table.Column<double>(type: "REAL", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_whoop_workout", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_project_name",
                table: "project",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_whoop_cycle_cycle_id",
                table: "whoop_cycle",
                column: "cycle_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_whoop_profile_user_id",
                table: "whoop_profile",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_whoop_recovery_cycle_id",
                table: "whoop_recovery",
                column: "cycle_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_whoop_sleep_sleep_id",
                table: "whoop_sleep",
                column: "sleep_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_whoop_workout_workout_id",
                table: "whoop_workout",
                column: "workout_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "project");

            migrationBuilder.DropTable(
                name: "refresh_job");

            migrationBuilder.DropTable(
                name: "whoop_cycle");

            migrationBuilder.DropTable(
                name: "whoop_profile");

            migrationBuilder.DropTable(
                name: "whoop_recovery");

            migrationBuilder.DropTable(
                name: "whoop_sleep");

            migrationBuilder.DropTable(
                name: "whoop_sync_status");

            migrationBuilder.DropTable(
                name: "whoop_workout");
        }
    }
}
