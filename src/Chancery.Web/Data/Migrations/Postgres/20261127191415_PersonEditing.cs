using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PersonEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "people",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "people",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "people");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "people");
        }
    }
}
