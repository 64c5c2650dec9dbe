using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DerivedClassification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "person_offices",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "people",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing people take the lowest level of the activities that name them (a person named
            // only in secret activities stays secret), and their office periods the person's level:
            // which rows a stored period's dates came from is not known any more. The same SQL runs on
            // both databases; each subquery uses the lead/counterpart index.
            migrationBuilder.Sql("""
                UPDATE people SET "Classification" = COALESCE((SELECT MIN(x.c) FROM (
                    SELECT a."Classification" AS c FROM activities a WHERE a."LeadPersonId" = people."Id"
                    UNION ALL
                    SELECT a."Classification" AS c FROM activities a WHERE a."CounterpartPersonId" = people."Id") x), 0);
                """);
            migrationBuilder.Sql("""
                UPDATE person_offices SET "Classification" = (SELECT p."Classification" FROM people p WHERE p."Id" = person_offices."PersonId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Classification",
                table: "person_offices");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "people");
        }
    }
}
