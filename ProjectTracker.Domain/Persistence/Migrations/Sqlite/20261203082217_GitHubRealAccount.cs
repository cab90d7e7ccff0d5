using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectTracker.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GitHubRealAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "warning_count",
                table: "refresh_job",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "warnings",
                table: "refresh_job",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "archived",
                table: "project",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "failed_at",
                table: "project",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "failure_reason",
                table: "project",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "full_name",
                table: "project",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "gone_at",
                table: "project",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "gone_reason",
                table: "project",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "head_sha",
                table: "project",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "hidden",
                table: "project",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "owner_login",
                table: "project",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "github_repository_without_commits",
                columns: table => new
                {
                    git_hub_id = table.Column<long>(type: "INTEGER", nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    pushed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_github_repository_without_commits", x => x.git_hub_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "github_repository_without_commits");

            migrationBuilder.DropColumn(
                name: "warning_count",
                table: "refresh_job");

            migrationBuilder.DropColumn(
                name: "warnings",
                table: "refresh_job");

            migrationBuilder.DropColumn(
                name: "archived",
                table: "project");

            migrationBuilder.DropColumn(
                name: "failed_at",
                table: "project");

            migrationBuilder.DropColumn(
                name: "failure_reason",
                table: "project");

            migrationBuilder.DropColumn(
                name: "full_name",
                table: "project");

            migrationBuilder.DropColumn(
                name: "gone_at",
                table: "project");

            migrationBuilder.DropColumn(
                name: "gone_reason",
                table: "project");

            migrationBuilder.DropColumn(
                name: "head_sha",
                table: "project");

            migrationBuilder.DropColumn(
                name: "hidden",
                table: "project");

            migrationBuilder.DropColumn(
                name: "owner_login",
                table: "project");
        }
    }
}
