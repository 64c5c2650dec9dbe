using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chancery.Benchmarks;

/// <summary>The floor for the activity list API: a bare Kestrel app (no authentication, no
/// EF, no localization, no problem details) answering GET /bare/activities with the same SQL the list
/// runs — the bounded count, the page of 50 with the leader's name, the page's countries — for the same filter
/// (a year and a kind), as JSON. Lives in the bench project, never in the product.</summary>
public static class BareListApp
{
    public static async Task<int> RunAsync(Options o)
    {
        var provider = o.Get("provider", "sqlite");
        var connection = o.Get("connection") ?? throw new ArgumentException("--connection");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(o.Get("urls", "http://127.0.0.1:5391"));
        // The same connection settings the app uses (it turns on Npgsql's auto-prepare).
        var postgres = Database.IsPostgres(provider) ? NpgsqlDataSource.Create(Chancery.Web.Data.DatabaseServiceCollectionExtensions.WithAutoPrepare(connection)) : null;
        await using var app = builder.Build();

        app.MapGet("/bare/activities", async (HttpContext http, DateOnly from, DateOnly to, string kind, int page, int pageSize) =>
        {
            var enumKind = string.Concat(kind.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            await using var db = postgres is not null ? (DbConnection)await postgres.OpenConnectionAsync() : new SqliteConnection(connection);
            if (db.State != System.Data.ConnectionState.Open) await db.OpenAsync();
            object F(DateOnly d) => postgres is not null ? d : d.ToString("yyyy-MM-dd");
            const string where = """ WHERE a."Classification" <= 4 AND a."DateStart" >= @from AND a."DateStart" <= @to AND a."Kind" = @kind """;

            // Counted as the app's lists count (ListCount): up to 1,000 rows past the page, then "more than".
            var limit = Math.Max(1000, page * pageSize);
            await using var count = Command(db, "SELECT COUNT(*) FROM (SELECT 1 FROM activities a" + where + " LIMIT @limit) t",
                ("@from", F(from)), ("@to", F(to)), ("@kind", enumKind), ("@limit", limit + 1));
            var counted = Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            var (total, totalIsExact) = counted > limit ? (limit, false) : (counted, true);

            await using var select = Command(db, """
                SELECT a."Id", a."ExternalRef", a."Kind", a."Status", a."DateStart", a."DateEnd", a."Title", p."FullName", a."LeaderRoleText", a."Classification"
                FROM activities a LEFT JOIN people p ON p."Id" = a."LeadPersonId"
                """ + where + """ ORDER BY a."DateStart" DESC, a."Id" DESC LIMIT @take OFFSET @skip""",
                ("@from", F(from)), ("@to", F(to)), ("@kind", enumKind), ("@take", pageSize), ("@skip", (page - 1) * pageSize));
            var items = new List<Item>(pageSize);
            await using (var r = await select.ExecuteReaderAsync())
                while (await r.ReadAsync())
                    items.Add(new Item(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateOnly>(4), r.GetFieldValue<DateOnly>(5),
                        r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), [], r.GetInt32(9)));

            if (items.Count > 0)
            {
                // One parameter for the page's ids, as EF sends it (an array on PostgreSQL, JSON on SQLite).
                var ids = items.Select(i => i.Id).ToArray();
                await using var legs = postgres is not null
                    ? Command(db, """SELECT "ActivityId", "CountryIso3" FROM activity_legs WHERE "ActivityId" = ANY(@ids) ORDER BY "ActivityId", "Order" """, ("@ids", ids))
                    : Command(db, """SELECT "ActivityId", "CountryIso3" FROM activity_legs WHERE "ActivityId" IN (SELECT value FROM json_each(@ids)) ORDER BY "ActivityId", "Order" """,
                        ("@ids", System.Text.Json.JsonSerializer.Serialize(ids)));
                var byId = items.ToDictionary(i => i.Id);
                await using var r = await legs.ExecuteReaderAsync();
                while (await r.ReadAsync()) byId[r.GetInt32(0)].Countries.Add(r.GetString(1));
            }
            return Results.Json(new { items, total, totalIsExact });
        });
        await app.RunAsync();
        return 0;
    }

    private static DbCommand Command(DbConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        return command;
    }

    private sealed record Item(int Id, string ExternalRef, string Kind, string Status, DateOnly DateStart, DateOnly DateEnd, string? Title,
        string? Leader, string? LeaderRole, List<string> Countries, int Classification);
}
