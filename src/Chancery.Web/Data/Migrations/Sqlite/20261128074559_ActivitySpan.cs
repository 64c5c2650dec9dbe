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

            migrationBuilder.CreateIndex(
                name: "IX_activities_long_by_start",
                table: "activities",
                column: "DateStart",
                filter: "\"SpanDays\" > 31");

            // The stored activities' spans, as the entity computes them for new ones. After the index: built before
            // the update, it is kept by it; built after, PostgreSQL may not use it while an older transaction runs.
            migrationBuilder.Sql("UPDATE activities SET \"SpanDays\" = CAST(julianday(\"DateEnd\") - julianday(\"DateStart\") AS INTEGER) WHERE \"DateEnd\" <> \"DateStart\"");
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
