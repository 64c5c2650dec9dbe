using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalRef = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mail_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalRef = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    DirectiveId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LeadUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoordinatingUnits = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeadlineMoved = table.Column<bool>(type: "INTEGER", nullable: false),
                    DoneDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    KeyTask = table.Column<bool>(type: "INTEGER", nullable: false),
                    IndicatorName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IndicatorTarget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    IndicatorUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Recurrence = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SeriesKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Previous = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Next = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    RecipientUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    IndicatorValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true)
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
