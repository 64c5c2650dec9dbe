using System.Data.Common;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Benchmarks;

/// <summary>The floors of the two task questions: the fastest hand-written SQL for the same answer as
/// Directives/TaskScoreboardQuery (a unit scoreboard) and DirectiveQueries.UnitTasksAsync (an officer's
/// "my unit" list), with the reader's clearance on tasks and directives. Both assume deadlines that
/// never moved (the generator moves none); the runner checks the answers are the same anyway.</summary>
public static class TaskSql
{
    /// <summary>Per unit and key flag: done on time, done late, overdue, in progress, standing (DOMAIN's rule).</summary>
    public sealed record Counts(string Unit, bool Key, int OnTime, int Late, int Overdue, int InProgress, int Standing);

    public static string ScoreboardSql(int clearance) => $"""
        SELECT u."Code", t."KeyTask",
          SUM(CASE WHEN t."Deadline" IS NOT NULL AND t."DoneDate" <= @asOf AND t."DoneDate" <= t."Deadline" THEN 1 ELSE 0 END),
          SUM(CASE WHEN t."Deadline" IS NOT NULL AND t."DoneDate" <= @asOf AND t."DoneDate" > t."Deadline" THEN 1 ELSE 0 END),
          SUM(CASE WHEN t."Deadline" IS NOT NULL AND (t."DoneDate" IS NULL OR t."DoneDate" > @asOf) AND t."Deadline" < @asOf THEN 1 ELSE 0 END),
          SUM(CASE WHEN t."Deadline" IS NOT NULL AND (t."DoneDate" IS NULL OR t."DoneDate" > @asOf) AND t."Deadline" >= @asOf THEN 1 ELSE 0 END),
          SUM(CASE WHEN t."Deadline" IS NULL AND (t."DoneDate" IS NULL OR t."DoneDate" > @asOf) THEN 1 ELSE 0 END)
        FROM tasks t
        JOIN directives d ON d."Id" = t."DirectiveId" AND d."Classification" <= {clearance}
        JOIN units u ON u."Id" = t."LeadUnitId"
        WHERE t."Classification" <= {clearance} AND t."RecordedOn" <= @asOf
          AND ((t."Deadline" >= @from AND t."Deadline" <= @to) OR (t."Deadline" IS NULL AND d."Date" <= @to))
          AND NOT EXISTS (SELECT 1 FROM tasks c WHERE c."ParentId" = t."Id" AND c."Classification" <= {clearance})
        GROUP BY u."Code", t."KeyTask"
        """;

    public static async Task<List<Counts>> ScoreboardAsync(ChanceryDbContext db, DateOnly from, DateOnly to, DateOnly asOf, CancellationToken ct)
    {
        await using var command = await CommandAsync(db, ScoreboardSql((int)db.Clearance), ct);
        Add(db, command, "@from", from);
        Add(db, command, "@to", to);
        Add(db, command, "@asOf", asOf);
        var list = new List<Counts>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new Counts(reader.GetString(0), reader.GetBoolean(1), Int(reader, 2), Int(reader, 3), Int(reader, 4), Int(reader, 5), Int(reader, 6)));
        return list;
    }

    /// <summary>One row of the "my unit" list: what the page shows of a task, with its latest percent.</summary>
    public sealed record UnitTask(int Id, string Title, string Directive, string Unit, string UnitName, DateOnly? Deadline, DateOnly? DoneDate, bool KeyTask, int? Percent);

    public static string MyUnitSql(int clearance, bool vietnamese) => $"""
        WITH RECURSIVE sub("Id") AS (
            SELECT @unit UNION ALL SELECT u."Id" FROM units u JOIN sub ON u."ParentId" = sub."Id"
        )
        SELECT t."Id", t."Title", d."Title", u."Code", u."{(vietnamese ? "NameVi" : "NameEn")}", t."Deadline", t."DoneDate", t."KeyTask",
          (SELECT p."Percent" FROM task_progress p WHERE p."TaskId" = t."Id" AND p."Percent" IS NOT NULL ORDER BY p."Date" DESC, p."Id" DESC LIMIT 1)
        FROM tasks t
        JOIN directives d ON d."Id" = t."DirectiveId" AND d."Classification" <= {clearance}
        JOIN units u ON u."Id" = t."LeadUnitId"
        WHERE t."LeadUnitId" IN (SELECT "Id" FROM sub) AND (t."DoneDate" IS NULL OR t."DoneDate" >= @recent) AND t."Classification" <= {clearance}
        ORDER BY t."DoneDate" IS NOT NULL, t."Deadline" IS NULL, t."Deadline", t."Id"
        LIMIT @limit
        """;

    public static async Task<List<UnitTask>> MyUnitAsync(ChanceryDbContext db, int unitId, DateOnly today, int limit, CancellationToken ct)
    {
        await using var command = await CommandAsync(db, MyUnitSql((int)db.Clearance, Chancery.Web.Common.Localization.LocalizationSetup.IsVietnamese), ct);
        Add(db, command, "@unit", unitId);
        Add(db, command, "@recent", today.AddDays(-30));
        Add(db, command, "@limit", limit);
        var list = new List<UnitTask>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new UnitTask(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Date(reader, 5), Date(reader, 6), reader.GetBoolean(7), reader.IsDBNull(8) ? null : reader.GetInt32(8)));
        return list;
    }

    private static async Task<DbCommand> CommandAsync(ChanceryDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static int Int(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly? Date(DbDataReader r, int i) => r.IsDBNull(i) ? null
        : r.GetValue(i) switch { DateOnly d => d, DateTime dt => DateOnly.FromDateTime(dt), var v => DateOnly.Parse(v.ToString()!, System.Globalization.CultureInfo.InvariantCulture) };

    private static void Add(ChanceryDbContext db, DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value is DateOnly d && !db.Database.IsNpgsql() ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : value;
        command.Parameters.Add(p);
    }
}
