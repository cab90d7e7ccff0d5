using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectTracker.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProductColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "date",
                table: "whoop_workout",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "kilojoules",
                table: "whoop_workout",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "score_state",
                table: "whoop_workout",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "timezone_offset",
                table: "whoop_workout",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "whoop_workout",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cycle_id",
                table: "whoop_sleep",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_nap",
                table: "whoop_sleep",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "score_state",
                table: "whoop_sleep",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "sleep_need_min",
                table: "whoop_sleep",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "timezone_offset",
                table: "whoop_sleep",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "whoop_sleep",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "score_state",
                table: "whoop_recovery",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sleep_id",
                table: "whoop_recovery",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "timezone_offset",
                table: "whoop_recovery",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "whoop_recovery",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "user_calibrating",
                table: "whoop_recovery",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "date",
                table: "whoop_cycle",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "score_state",
                table: "whoop_cycle",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "timezone_offset",
                table: "whoop_cycle",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "whoop_cycle",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "description",
                table: "project",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "first_commit_date",
                table: "project",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "html_url",
                table: "project",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "loc_estimated",
                table: "project",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "pushed_at",
                table: "project",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "refreshed_at",
                table: "project",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_whoop_workout_start_time",
                table: "whoop_workout",
                column: "start_time");

            migrationBuilder.CreateIndex(
                name: "IX_whoop_sleep_date",
                table: "whoop_sleep",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "IX_whoop_recovery_date",
                table: "whoop_recovery",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "IX_whoop_cycle_start_time",
                table: "whoop_cycle",
                column: "start_time");

            migrationBuilder.CreateIndex(
                name: "IX_refresh_job_started_at",
                table: "refresh_job",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_whoop_workout_start_time",
                table: "whoop_workout");

            migrationBuilder.DropIndex(
                name: "IX_whoop_sleep_date",
                table: "whoop_sleep");

            migrationBuilder.DropIndex(
                name: "IX_whoop_recovery_date",
                table: "whoop_recovery");

            migrationBuilder.DropIndex(
                name: "IX_whoop_cycle_start_time",
                table: "whoop_cycle");

            migrationBuilder.DropIndex(
                name: "IX_refresh_job_started_at",
                table: "refresh_job");

            migrationBuilder.DropColumn(
                name: "date",
                table: "whoop_workout");

            migrationBuilder.DropColumn(
                name: "kilojoules",
                table: "whoop_workout");

            migrationBuilder.DropColumn(
                name: "score_state",
                table: "whoop_workout");

            migrationBuilder.DropColumn(
                name: "timezone_offset",
                table: "whoop_workout");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "whoop_workout");

            migrationBuilder.DropColumn(
                name: "cycle_id",
                table: "whoop_sleep");

            migrationBuilder.DropColumn(
                name: "is_nap",
                table: "whoop_sleep");

            migrationBuilder.DropColumn(
                name: "score_state",
                table: "whoop_sleep");

            migrationBuilder.DropColumn(
                name: "sleep_need_min",
                table: "whoop_sleep");

            migrationBuilder.DropColumn(
                name: "timezone_offset",
                table: "whoop_sleep");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "whoop_sleep");

            migrationBuilder.DropColumn(
                name: "score_state",
                table: "whoop_recovery");

            migrationBuilder.DropColumn(
                name: "sleep_id",
                table: "whoop_recovery");

            migrationBuilder.DropColumn(
                name: "timezone_offset",
                table: "whoop_recovery");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "whoop_recovery");

            migrationBuilder.DropColumn(
                name: "user_calibrating",
                table: "whoop_recovery");

            migrationBuilder.DropColumn(
                name: "date",
                table: "whoop_cycle");

            migrationBuilder.DropColumn(
                name: "score_state",
                table: "whoop_cycle");

            migrationBuilder.DropColumn(
                name: "timezone_offset",
                table: "whoop_cycle");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "whoop_cycle");

            migrationBuilder.DropColumn(
                name: "description",
                table: "project");

            migrationBuilder.DropColumn(
                name: "first_commit_date",
                table: "project");

            migrationBuilder.DropColumn(
                name: "html_url",
                table: "project");

            migrationBuilder.DropColumn(
                name: "loc_estimated",
                table: "project");

            migrationBuilder.DropColumn(
                name: "pushed_at",
                table: "project");

            migrationBuilder.DropColumn(
                name: "refreshed_at",
                table: "project");
        }
    }
}
