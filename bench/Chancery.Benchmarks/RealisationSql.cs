using System.Data.Common;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Benchmarks;

/// <summary>The floor of the realisation report by partner over all years: the fewest rows the figures can be
/// worked out from, in one round trip each, summed in C# by the same rules (DOMAIN "Commitment realisation"):
/// not cancelled, within the reader's clearance; money at the pledge year's rate (USD at 1), min(delivered,
/// pledged), the excess apart, no rate: unconverted; counts apart. On PostgreSQL the deliveries are summed in SQL
/// (numeric is exact); SQLite keeps decimals as text, so its deliveries come as rows and are added here.</summary>
public static class RealisationSql
{
    public sealed record Group(string Key, int Commitments, decimal PledgedUsd, decimal RealisedUsd, decimal OverDeliveredUsd);

    public static string Sql(bool postgres, int clearance) => postgres
        ? $"""
          SELECT c."PartnerCode", c."Amount", c."Unit", CAST(EXTRACT(YEAR FROM c."PledgedDate") AS integer), d.delivered
          FROM commitments c
          LEFT JOIN (SELECT "CommitmentId", SUM("Amount") AS delivered FROM deliveries GROUP BY "CommitmentId") d ON d."CommitmentId" = c."Id"
          WHERE c."Status" <> 'Cancelled' AND c."Classification" <= {clearance}
          """
        : $"""
          SELECT c."PartnerCode", c."Amount", c."Unit", CAST(substr(c."PledgedDate", 1, 4) AS INTEGER), d."Amount", c."Id"
          FROM commitments c LEFT JOIN deliveries d ON d."CommitmentId" = c."Id"
          WHERE c."Status" <> 'Cancelled' AND c."Classification" <= {clearance}
          ORDER BY c."Id"
          """;

    public static async Task<List<Group>> RunAsync(ChanceryDbContext db, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        var rates = new Dictionary<(int, string), decimal>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT "Year", "Currency", "UsdPerUnit" FROM exchange_rates""";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rates[(reader.GetInt32(0), reader.GetString(1))] = reader.GetDecimal(2);
        }
        var groups = new Dictionary<string, (int Count, decimal Pledged, decimal Realised, decimal Over)>(StringComparer.Ordinal);
        // The commitment being read: SQLite gives one row per delivery, a commitment's rows together (ordered
        // by id); PostgreSQL one row per commitment with its deliveries summed.
        int? current = null;
        var key = "";
        decimal? amount = null;
        string? unit = null;
        var year = 0;
        decimal delivered = 0;
        void Close()
        {
            var g = groups.GetValueOrDefault(key);
            g.Count++;
            if (amount is { } a && unit is { Length: 3 } u && u.All(char.IsAsciiLetterUpper))
            {
                decimal? rate = u == "USD" ? 1m : rates.TryGetValue((year, u), out var r) ? r : null;
                if (rate is { } x)
                {
                    var pledged = a * x;
                    var got = delivered * x;
                    var realised = Math.Min(got, pledged);
                    g.Pledged += pledged;
                    g.Realised += realised;
                    g.Over += got - realised;
                }
            }
            groups[key] = g;
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Sql(postgres, (int)db.Clearance);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = postgres ? 0 : reader.GetInt32(5);
                if (postgres || id != current)
                {
                    if (!postgres && current is not null) Close();
                    current = id;
                    key = reader.GetString(0);
                    amount = reader.IsDBNull(1) ? null : reader.GetDecimal(1);
                    unit = reader.IsDBNull(2) ? null : reader.GetString(2);
                    year = reader.GetInt32(3);
                    delivered = 0;
                }
                if (!reader.IsDBNull(4)) delivered += reader.GetDecimal(4);
                if (postgres) Close();
            }
            if (!postgres && current is not null) Close();
        }
        static decimal Cents(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
        return groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Group(g.Key, g.Value.Count, Cents(g.Value.Pledged), Cents(g.Value.Realised), Cents(g.Value.Over))).ToList();
    }
}
