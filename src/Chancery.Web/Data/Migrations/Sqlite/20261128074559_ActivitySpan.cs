using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivitySpan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SpanDays",
                table: "activities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The stored activities' spans, as the entity computes them for new ones.
            migrationBuilder.Sql("UPDATE activities SET \"SpanDays\" = CAST(julianday(\"DateEnd\") - julianday(\"DateStart\") AS INTEGER) WHERE \"DateEnd\" <> \"DateStart\"");

            migrationBuilder.CreateIndex(
                name: "IX_activities_long_by_start",
                table: "activities",
                column: "DateStart",
                filter: "\"SpanDays\" > 31");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_activities_long_by_start",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "SpanDays",
                table: "activities");
        }
    }
}
