using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectTracker.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedStateAndSyncGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "missing_from",
                table: "whoop_sync_status",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "missing_until",
                table: "whoop_sync_status",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "height_meter",
                table: "whoop_profile",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_heart_rate",
                table: "whoop_profile",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "weight_kilogram",
                table: "whoop_profile",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "shared_state",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    value = table.Column<byte[]>(type: "BLOB", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_state", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_shared_state_expires_at",
                table: "shared_state",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shared_state");

            migrationBuilder.DropColumn(
                name: "missing_from",
                table: "whoop_sync_status");

            migrationBuilder.DropColumn(
                name: "missing_until",
                table: "whoop_sync_status");

            migrationBuilder.DropColumn(
                name: "height_meter",
                table: "whoop_profile");

            migrationBuilder.DropColumn(
                name: "max_heart_rate",
                table: "whoop_profile");

            migrationBuilder.DropColumn(
                name: "weight_kilogram",
                table: "whoop_profile");
        }
    }
}
