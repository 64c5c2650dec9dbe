using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgreementBinAndDeliveryEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachmentKey",
                table: "deliveries",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentName",
                table: "deliveries",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentSha256",
                table: "deliveries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AttachmentSize",
                table: "deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentType",
                table: "deliveries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AttachmentUploadedAt",
                table: "deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentUploadedBy",
                table: "deliveries",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "agreements",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttachmentKey",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "AttachmentName",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "AttachmentSha256",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "AttachmentSize",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "AttachmentType",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "AttachmentUploadedAt",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "AttachmentUploadedBy",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "agreements");
        }
    }
}
