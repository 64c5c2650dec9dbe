using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "people",
                type: "TEXT",
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
