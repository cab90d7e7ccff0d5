using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectTracker.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WhoopConnection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_key",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_key", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "whoop_connection",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    whoop_user_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    protected_access_token = table.Column<string>(type: "TEXT", nullable: true),
                    protected_refresh_token = table.Column<string>(type: "TEXT", nullable: true),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    scopes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reconnect_required = table.Column<bool>(type: "INTEGER", nullable: false),
                    bootstrap_imported = table.Column<bool>(type: "INTEGER", nullable: false),
                    connected_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_whoop_connection", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_key");

            migrationBuilder.DropTable(
                name: "whoop_connection");
        }
    }
}
