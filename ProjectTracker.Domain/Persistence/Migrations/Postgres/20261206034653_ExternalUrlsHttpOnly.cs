using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectTracker.Domain.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Forgets stored repository addresses that are not absolute http(s) (a <c>javascript:</c> or <c>data:</c> URL from a
    /// hostile or broken GitHub answer), as refreshes now do (<see cref="Net.ExternalUrl"/>). Nothing to undo.
    /// </summary>
    public partial class ExternalUrlsHttpOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE project SET html_url = NULL WHERE html_url IS NOT NULL "
                + "AND NOT (lower(html_url) LIKE 'https://_%' OR lower(html_url) LIKE 'http://_%');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
