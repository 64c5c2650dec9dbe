using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Chancery.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DirectivesAndTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "directives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalRef = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Issuer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Source = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Classification = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mail_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    To = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalRef = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    DirectiveId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LeadUnitId = table.Column<int>(type: "integer", nullable: false),
                    CoordinatingUnits = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    DeadlineMoved = table.Column<bool>(type: "boolean", nullable: false),
                    DoneDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    KeyTask = table.Column<bool>(type: "boolean", nullable: false),
                    IndicatorName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    IndicatorTarget = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    IndicatorUnit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Recurrence = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SeriesKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Classification = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tasks_directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_tasks_tasks_ParentId",
                        column: x => x.ParentId,
                        principalTable: "tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_tasks_units_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "task_deadline_changes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Previous = table.Column<DateOnly>(type: "date", nullable: true),
                    Next = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_deadline_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_task_deadline_changes_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Event = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    RecipientUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_task_notices_AspNetUsers_RecipientUserId",
                        column: x => x.RecipientUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_task_notices_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_progress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Author = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    IndicatorValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_progress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_task_progress_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_directives_Date",
                table: "directives",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_directives_ExternalRef",
                table: "directives",
                column: "ExternalRef",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mail_outbox_SentAt",
                table: "mail_outbox",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_task_deadline_changes_TaskId",
                table: "task_deadline_changes",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_task_notices_RecipientUserId_ReadAt",
                table: "task_notices",
                columns: new[] { "RecipientUserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_task_notices_TaskId_Event_RecipientUserId",
                table: "task_notices",
                columns: new[] { "TaskId", "Event", "RecipientUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_task_progress_TaskId_Date",
                table: "task_progress",
                columns: new[] { "TaskId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_Deadline",
                table: "tasks",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_DirectiveId",
                table: "tasks",
                column: "DirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_ExternalRef",
                table: "tasks",
                column: "ExternalRef",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tasks_LeadUnitId_Deadline",
                table: "tasks",
                columns: new[] { "LeadUnitId", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_ParentId",
                table: "tasks",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_SeriesKey_Period",
                table: "tasks",
                columns: new[] { "SeriesKey", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mail_outbox");

            migrationBuilder.DropTable(
                name: "task_deadline_changes");

            migrationBuilder.DropTable(
                name: "task_notices");

            migrationBuilder.DropTable(
                name: "task_progress");

            migrationBuilder.DropTable(
                name: "tasks");

            migrationBuilder.DropTable(
                name: "directives");
        }
    }
}
