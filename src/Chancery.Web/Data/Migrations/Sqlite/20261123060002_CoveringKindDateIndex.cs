using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoveringKindDateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_activities_Kind_DateStart_Classification",
                table: "activities");

            migrationBuilder.CreateIndex(
                name: "IX_activities_Kind_DateStart_covering",
                table: "activities",
                columns: new[] { "Kind", "DateStart", "Classification", "Status", "LeadPersonId", "CounterpartPersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_activities_Kind_DateStart_covering",
                table: "activities");

            migrationBuilder.CreateIndex(
                name: "IX_activities_Kind_DateStart_Classification",
                table: "activities",
                columns: new[] { "Kind", "DateStart", "Classification" });
        }
    }
}
