using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectTracker.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProjectRefresh : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "repository_id",
                table: "refresh_job",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "repository_id",
                table: "refresh_job");
        }
    }
}
