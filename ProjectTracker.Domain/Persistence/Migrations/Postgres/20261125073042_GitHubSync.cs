using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProjectTracker.Domain.Persistence.Migrations.Postgres
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status_message",
                table: "refresh_job",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "trigger",
                table: "refresh_job",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "refresh_job",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "default_branch",
                table: "project",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "git_hub_id",
                table: "project",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "synced_pushed_at",
                table: "project",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "github_http_cache",
                columns: table => new
                {
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    e_tag = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    links = table.Column<string>(type: "text", nullable: true),
                    stored_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_github_http_cache", x => x.url);
                });

            migrationBuilder.CreateTable(
                name: "project_commit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    project_id = table.Column<int>(type: "integer", nullable: false),
                    sha = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    authored_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    committed_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
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
                    project_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    commits = table.Column<int>(type: "integer", nullable: false)
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
