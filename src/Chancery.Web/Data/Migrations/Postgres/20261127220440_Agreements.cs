using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Chancery.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Agreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalRef = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    TitleVi = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TitleEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OurSignatory = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TheirSignatory = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SignedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedPlace = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ActivityId = table.Column<int>(type: "integer", nullable: true),
                    EntryIntoForce = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Themes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerUnitId = table.Column<int>(type: "integer", nullable: true),
                    Sources = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Classification = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreements_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_agreements_units_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "agreement_parties",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_parties", x => new { x.AgreementId, x.PartnerId });
                    table.ForeignKey(
                        name: "FK_agreement_parties_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agreement_parties_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agreement_parties_PartnerId",
                table: "agreement_parties",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_agreements_ActivityId",
                table: "agreements",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_agreements_ExternalRef",
                table: "agreements",
                column: "ExternalRef",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agreements_OwnerUnitId",
                table: "agreements",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_agreements_SignedDate_Type",
                table: "agreements",
                columns: new[] { "SignedDate", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_parties");

            migrationBuilder.DropTable(
                name: "agreements");
        }
    }
}
