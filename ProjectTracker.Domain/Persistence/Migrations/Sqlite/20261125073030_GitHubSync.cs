using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectTracker.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GitHubSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "background_job_id",
                table: "refresh_job",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status_message",
                table: "refresh_job",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "trigger",
                table: "refresh_job",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "refresh_job",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "default_branch",
                table: "project",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "git_hub_id",
                table: "project",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "synced_pushed_at",
                table: "project",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "github_http_cache",
                columns: table => new
                {
                    url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    e_tag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    links = table.Column<string>(type: "TEXT", nullable: true),
                    stored_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_github_http_cache", x => x.url);
                });

            migrationBuilder.CreateTable(
                name: "project_commit",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    project_id = table.Column<int>(type: "INTEGER", nullable: false),
                    sha = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    authored_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    committed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_commit", x => x.id);
                    table.ForeignKey(
                        name: "FK_project_commit_project_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_daily_commits",
                columns: table => new
                {
                    project_id = table.Column<int>(type: "INTEGER", nullable: false),
                    day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    commits = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_daily_commits", x => new { x.project_id, x.day });
                    table.ForeignKey(
                        name: "FK_project_daily_commits_project_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_refresh_job_status",
                table: "refresh_job",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_project_git_hub_id",
                table: "project",
                column: "git_hub_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_project_commit_project_id_sha",
                table: "project_commit",
                columns: new[] { "project_id", "sha" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_project_daily_commits_day",
                table: "project_daily_commits",
                column: "day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "github_http_cache");

            migrationBuilder.DropTable(
                name: "project_commit");

            migrationBuilder.DropTable(
                name: "project_daily_commits");

            migrationBuilder.DropIndex(
                name: "IX_refresh_job_status",
                table: "refresh_job");

            migrationBuilder.DropIndex(
                name: "IX_project_git_hub_id",
                table: "project");

            migrationBuilder.DropColumn(
                name: "background_job_id",
                table: "refresh_job");

            migrationBuilder.DropColumn(
                name: "status_message",
                table: "refresh_job");

            migrationBuilder.DropColumn(
                name: "trigger",
                table: "refresh_job");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "refresh_job");

            migrationBuilder.DropColumn(
                name: "default_branch",
                table: "project");

            migrationBuilder.DropColumn(
                name: "git_hub_id",
                table: "project");

            migrationBuilder.DropColumn(
                name: "synced_pushed_at",
                table: "project");
        }
    }
}
