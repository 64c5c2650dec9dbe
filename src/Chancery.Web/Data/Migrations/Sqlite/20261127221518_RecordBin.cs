using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordBin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_activities_Kind_DateStart_covering",
                table: "activities");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "people",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "framework_events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "framework_events",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "activities",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_activities_Kind_DateStart_covering",
                table: "activities",
                columns: new[] { "Kind", "DateStart", "Classification", "Status", "LeadPersonId", "CounterpartPersonId", "DeletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_activities_Kind_DateStart_covering",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "people");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "people");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "framework_events");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "framework_events");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "activities");

            migrationBuilder.CreateIndex(
                name: "IX_activities_Kind_DateStart_covering",
                table: "activities",
                columns: new[] { "Kind", "DateStart", "Classification", "Status", "LeadPersonId", "CounterpartPersonId" });
        }
    }
}
