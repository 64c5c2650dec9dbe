using System.Data.Common;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Benchmarks;

/// <summary>The floor: the fastest hand-written SQL for the annual review's figures and lists (the
/// counted activities with their leader, and the legs of the outgoing visits), in one round trip,
/// counted in C# as the report does. Same rules as Reports/AnnualReviewQuery: start date in the
/// period, completed, led by a tier-≤N leader on that day (incoming visits: a tier-1 visitor), the
/// reader's clearance.</summary>
public static class ReviewSql
{
    private const string Outgoing = "'StateVisit','OfficialVisit','WorkingVisit','PrivateVisit'";

    public static string Sql(int clearance) => $"""
        WITH ranked AS (
            SELECT o."PersonId", o."From", o."To", f."Tier" FROM person_offices o JOIN offices f ON f."Id" = o."OfficeId"
        ), counted AS (
            SELECT a."Id", a."ExternalRef", a."Title", a."Kind", a."DateStart", a."LeadPersonId"
            FROM ranked t JOIN activities a ON a."LeadPersonId" = t."PersonId"
            WHERE t."Tier" <= @tier AND a."DateStart" >= @from AND a."DateStart" <= @to
              AND a."DateStart" >= t."From" AND (t."To" IS NULL OR a."DateStart" <= t."To")
              AND a."Status" = 'Completed' AND a."Classification" <= {clearance}
              AND a."Kind" IN ({Outgoing},'MultilateralConference','BilateralMeeting','PhoneCall','OnlineTalk')
            UNION
            SELECT a."Id", a."ExternalRef", a."Title", a."Kind", a."DateStart", a."LeadPersonId"
            FROM ranked t JOIN activities a ON a."CounterpartPersonId" = t."PersonId"
            WHERE t."Tier" <= 1 AND a."DateStart" >= @from AND a."DateStart" <= @to
              AND a."DateStart" >= t."From" AND (t."To" IS NULL OR a."DateStart" <= t."To")
              AND a."Status" = 'Completed' AND a."Classification" <= {clearance} AND a."Kind" = 'IncomingVisit'
        )
        SELECT c."Id", c."ExternalRef", c."Title", c."Kind", c."DateStart", p."FullName", l."CountryIso3"
        FROM counted c LEFT JOIN people p ON p."Id" = c."LeadPersonId"
        LEFT JOIN activity_legs l ON l."ActivityId" = c."Id" AND c."Kind" IN ({Outgoing})
        ORDER BY c."DateStart", c."Id", l."Order"
        """;

    public sealed record Figures(int Headline, int Outgoing, int Countries, int Conferences, int Bilateral, int Incoming, int Calls, int Talks);

    public static async Task<Figures> RunAsync(ChanceryDbContext db, DateOnly from, DateOnly to, int tier, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql((int)db.Clearance);
        Add(command, "@tier", tier);
        Add(command, "@from", db.Database.IsNpgsql() ? from : from.ToString("yyyy-MM-dd"));
        Add(command, "@to", db.Database.IsNpgsql() ? to : to.ToString("yyyy-MM-dd"));
        var kinds = new Dictionary<int, string>();
        var countries = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                kinds[id] = reader.GetString(3);
                if (!reader.IsDBNull(6)) countries.Add(reader.GetString(6));
            }
        int Count(params string[] k) => kinds.Values.Count(k.Contains);
        var outgoing = Count("StateVisit", "OfficialVisit", "WorkingVisit", "PrivateVisit");
        return new Figures(kinds.Count - Count("BilateralMeeting"), outgoing, countries.Count, Count("MultilateralConference"),
            Count("BilateralMeeting"), Count("IncomingVisit"), Count("PhoneCall"), Count("OnlineTalk"));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
