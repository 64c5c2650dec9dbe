using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalRef = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    TitleVi = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OurSignatory = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TheirSignatory = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SignedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedPlace = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    EntryIntoForce = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiryDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Sources = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false)
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
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
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
