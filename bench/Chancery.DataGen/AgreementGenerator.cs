using System.Globalization;
using System.Text;
using Chancery.Web.Activities;

namespace Chancery.DataGen;

/// <summary>Generates the four formats of issue #12 (agreements.csv, commitments.csv, deliveries.csv,
/// exchange_rates.csv) that look like twenty years of agreements, 2006–2025, reproducibly from a seed:
/// parties weighted as for activities (neighbours and comprehensive strategic partners most), a realistic
/// mix of types, channels and levels; each agreement holds about three commitments pledged on its day of
/// signature, in the partner's currency (yen from Japan, won from Korea, euros from the euro area …) or in
/// US dollars, some in doses or scholarships; deliveries follow the status (none while open, some while in
/// progress, about the pledge once fulfilled, now and then more). Rates are yearly, with one currency (THB)
/// left without rates so the report has unconverted commitments, as real data does.</summary>
public sealed class AgreementGenerator(int seed)
{
    public const string AgreementHeader = "id,type,channel,title_vi,title_en,parties,our_signatory,their_signatory,signed_date,signed_place,activity_id,entry_into_force,expiry_date,status,themes,owner_unit,classification,source,notes";
    public const string CommitmentHeader = "id,agreement_id,activity_id,partner,direction,sector,title,amount,unit,pledged_date,due_date,owner_unit,status,themes,classification,source,notes";
    public const string DeliveryHeader = "id,commitment_id,date,amount,evidence,source";
    public const string RateHeader = "year,currency,usd_per_unit,source";

    private static readonly DateOnly First = new(2006, 1, 1);
    private static readonly int Days = new DateOnly(2025, 12, 31).DayNumber - First.DayNumber;

    private static readonly (string Code, string Vi, string En, double Weight)[] Types =
    [
        ("mou", "Bản ghi nhớ", "Memorandum of Understanding", 35), ("agreement", "Hiệp định", "Agreement", 20),
        ("joint_statement", "Tuyên bố chung", "Joint Statement", 10), ("action_plan", "Chương trình hành động", "Action Plan", 10),
        ("protocol", "Nghị định thư", "Protocol", 12), ("treaty", "Hiệp ước", "Treaty", 5), ("exchange_of_notes", "Công hàm trao đổi", "Exchange of Notes", 8),
    ];

    private static readonly (string Code, double Weight)[] Channels =
        [("government", 45), ("ministry", 25), ("province", 12), ("state", 8), ("party", 5), ("national_assembly", 3), ("people", 2)];

    private static readonly (string Code, string Vi, string En, double Weight)[] Sectors =
    [
        ("investment", "đầu tư", "investment", 18), ("oda", "viện trợ phát triển chính thức", "official development assistance", 16),
        ("trade", "thương mại", "trade", 14), ("loan", "khoản vay", "a loan", 10), ("grant", "viện trợ không hoàn lại", "a grant", 9),
        ("technology_transfer", "chuyển giao công nghệ", "technology transfer", 7), ("education", "giáo dục", "education", 8),
        ("health", "y tế", "health", 7), ("culture", "văn hóa", "culture", 4), ("security", "an ninh", "security", 3), ("other", "lĩnh vực khác", "other fields", 4),
    ];

    private static readonly (string Code, double Weight)[] Levels = [("public", 35), ("internal", 48), ("confidential", 13), ("secret", 4)];

    private static readonly string[] Themes = [.. ActivityThemes.Technology, .. ActivityThemes.Other];
    private static readonly string[] Units = ["MOFA-ASIA1", "MOFA-ASIA2", "MOFA-AMER", "MOFA-EURO", "MOFA-MEAF", "MOFA-ASEAN", "MOFA-ML", "MOFA-ECON", "MOIT", "MPI", ""];
    private static readonly string[] Sources = ["Báo Chính phủ", "TTXVN", "MOFA press release", "Báo Nhân Dân", "Cổng TTĐT Chính phủ"];

    /// <summary>The currency a partner pledges in (others pledge in US dollars), with its 2006 value in USD.</summary>
    private static readonly Dictionary<string, string> Currencies = new()
    {
        ["JPN"] = "JPY", ["KOR"] = "KRW", ["CHN"] = "CNY", ["GBR"] = "GBP", ["AUS"] = "AUD", ["CHE"] = "CHF", ["THA"] = "THB",
        ["FRA"] = "EUR", ["DEU"] = "EUR", ["ITA"] = "EUR", ["ESP"] = "EUR", ["NLD"] = "EUR", ["BEL"] = "EUR", ["AUT"] = "EUR", ["FIN"] = "EUR",
        ["IRL"] = "EUR", ["PRT"] = "EUR", ["GRC"] = "EUR", ["SVK"] = "EUR", ["NZL"] = "NZD", ["CAN"] = "CAD", ["SGP"] = "SGD", ["IND"] = "INR",
    };

    private static readonly Dictionary<string, decimal> Base2006 = new()
    {
        ["EUR"] = 1.256m, ["JPY"] = 0.0086m, ["KRW"] = 0.00105m, ["CNY"] = 0.1254m, ["GBP"] = 1.843m, ["AUD"] = 0.753m, ["CHF"] = 0.798m,
        ["NZD"] = 0.650m, ["CAD"] = 0.882m, ["SGD"] = 0.630m, ["INR"] = 0.0221m,
    };

    private readonly Random _random = new(seed);
    private readonly Partners _partners = new();

    /// <summary>One generated agreement as its commitments need it.</summary>
    private sealed record Made(string Id, string[] Parties, DateOnly Signed, string Level);

    private readonly List<Made> _agreements = [];
    private readonly List<(string Id, string Status, DateOnly Pledged, DateOnly? Due, decimal? Amount)> _commitments = [];

    /// <summary>exchange_rates.csv: every year 2006–2025 of every currency but THB, a yearly random walk.</summary>
    public IEnumerable<string> Rates()
    {
        foreach (var (currency, start) in Base2006.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var value = start;
            for (var year = 2006; year <= 2025; year++)
            {
                yield return string.Join(',', year.ToString(CultureInfo.InvariantCulture), currency,
                    value.ToString(value < 0.01m ? "0.0000000" : "0.00000", CultureInfo.InvariantCulture), "Generated (annual average)");
                value *= 1m + (decimal)((_random.NextDouble() - 0.5) * 0.12);
            }
        }
    }

    /// <summary>agreements.csv rows, <paramref name="count"/> of them, signed 2006–2025.</summary>
    public IEnumerable<string> Agreements(int count)
    {
        for (var n = 1; n <= count; n++)
        {
            var type = Pick(Types, t => t.Weight);
            var parties = Parties();
            var signed = First.AddDays(_random.Next(Days + 1));
            var level = Pick(Levels, l => l.Weight).Code;
            var id = $"GA-{n:000000}";
            _agreements.Add(new Made(id, parties, signed, level));
            var sector = Pick(Sectors, s => s.Weight);
            var names = string.Join(" – ", parties.Select(p => _partners.NamesVi.GetValueOrDefault(p, p)));
            var namesEn = string.Join("–", parties.Select(p => _partners.Names.GetValueOrDefault(p, p)));
            DateOnly? force = type.Code is "agreement" or "treaty" or "protocol" && _random.NextDouble() < 0.7 ? signed.AddDays(_random.Next(0, 366)) : null;
            DateOnly? expiry = _random.NextDouble() < 0.3 ? signed.AddYears(_random.Next(3, 11)) : null;
            var status = force is { } f && f <= ActivityGenerator.Today ? "in_force" : "signed";
            if (expiry is { } e && e < ActivityGenerator.Today) status = "expired";
            var theme = _random.NextDouble() < 0.4 ? Pick(Themes) : "";
            yield return Csv(id, type.Code, Pick(Channels, c => c.Weight).Code,
                $"{type.Vi} hợp tác về {sector.Vi} giữa Việt Nam và {names}", $"{type.En} on cooperation in {sector.En} between Viet Nam and {namesEn}",
                string.Join(';', parties), "", "", Iso(signed), _random.NextDouble() < 0.5 ? "Hà Nội" : _partners.NamesVi.GetValueOrDefault(parties[0], parties[0]),
                "", Iso(force), Iso(expiry), status, theme, Pick(Units), level, Pick(Sources), "");
        }
    }

    /// <summary>commitments.csv rows: <paramref name="count"/> commitments spread over the agreements generated before.</summary>
    public IEnumerable<string> Commitments(int count)
    {
        if (_agreements.Count == 0) throw new InvalidOperationException("Generate the agreements first.");
        for (var n = 1; n <= count; n++)
        {
            // Most agreements hold a few commitments; the spread is uneven, as in life.
            var agreement = _agreements[n <= _agreements.Count ? n - 1 : _random.Next(_agreements.Count)];
            var partner = agreement.Parties[_random.Next(agreement.Parties.Length)];
            var sector = Pick(Sectors, s => s.Weight);
            var (amount, unit) = Amount(partner, sector.Code);
            var pledged = agreement.Signed;
            DateOnly? due = _random.NextDouble() < 0.75 ? pledged.AddDays(_random.Next(180, 5 * 365)) : null;
            var status = Status(due);
            var id = $"GC-{n:0000000}";
            _commitments.Add((id, status, pledged, due, amount));
            var direction = _random.NextDouble() < 0.9 ? "inbound" : "outbound";
            yield return Csv(id, agreement.Id, "", partner, direction, sector.Code,
                $"Cam kết {sector.Vi} của {_partners.NamesVi.GetValueOrDefault(partner, partner)} ({id})",
                amount?.ToString(CultureInfo.InvariantCulture), unit, Iso(pledged), Iso(due), Pick(Units), status, "",
                _random.NextDouble() < 0.8 ? agreement.Level : "public", Pick(Sources), "");
        }
    }

    /// <summary>deliveries.csv rows for the commitments generated before: none while open, some while in
    /// progress, about the pledge once fulfilled (now and then more), a part when partially fulfilled or lapsed.</summary>
    public IEnumerable<string> Deliveries()
    {
        var n = 0;
        foreach (var (id, status, pledged, due, amount) in _commitments)
        {
            var share = status switch
            {
                "in_progress" => 0.1 + _random.NextDouble() * 0.6,
                "fulfilled" => _random.NextDouble() < 0.1 ? 1.0 + _random.NextDouble() * 0.2 : 1.0,
                "partially_fulfilled" => 0.3 + _random.NextDouble() * 0.5,
                "lapsed" => _random.NextDouble() * 0.3,
                _ => 0.0,
            };
            if (share == 0) continue;
            var parts = _random.Next(1, 5);
            var last = due ?? pledged.AddYears(3);
            for (var i = 0; i < parts; i++)
            {
                var date = pledged.AddDays(_random.Next(1, Math.Max(2, last.DayNumber - pledged.DayNumber)));
                decimal? part = amount is { } a ? Math.Round(a * (decimal)share / parts, 2) : null;
                n++;
                yield return Csv($"GD-{n:0000000}", id, Iso(date), part?.ToString(CultureInfo.InvariantCulture),
                    i == 0 ? "Biên bản bàn giao" : "Thông báo giải ngân", Pick(Sources));
            }
        }
    }

    private string[] Parties()
    {
        var count = _random.NextDouble() < 0.88 ? 1 : _random.Next(2, 5);
        var parties = new List<string>();
        while (parties.Count < count)
        {
            var p = _partners.Pick(_random);
            if (!parties.Contains(p)) parties.Add(p);
        }
        return [.. parties];
    }

    /// <summary>An amount in the partner's currency (or USD), a count of doses or scholarships, or none (a market opened).</summary>
    private (decimal? Amount, string? Unit) Amount(string partner, string sector)
    {
        if (sector == "health" && _random.NextDouble() < 0.5) return (_random.Next(1, 200) * 10_000m, "doses");
        if (sector == "education" && _random.NextDouble() < 0.6) return (_random.Next(5, 500), "scholarships");
        if (_random.NextDouble() < 0.08) return (null, null);
        // Log-uniform from 100 thousand to 2 billion US dollars, then in the partner's currency.
        var usd = Math.Pow(10, 5 + _random.NextDouble() * 4.3);
        var currency = Currencies.GetValueOrDefault(partner) is { } c && _random.NextDouble() < 0.7 ? c : "USD";
        var perUnit = currency switch { "USD" => 1.0, "THB" => 0.03, _ => (double)Base2006[currency] };
        return (Math.Max(1m, Math.Round((decimal)(usd / perUnit) / 1000m)) * 1000m, currency);
    }

    private string Status(DateOnly? due)
    {
        var x = _random.NextDouble();
        if (x < 0.04) return "cancelled";
        if (due is { } d && d < ActivityGenerator.Today)
            return x < 0.55 ? "fulfilled" : x < 0.8 ? "partially_fulfilled" : x < 0.9 ? "lapsed" : "in_progress";
        return x < 0.45 ? "open" : x < 0.9 ? "in_progress" : "fulfilled";
    }

    private T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var x = _random.NextDouble() * items.Sum(weight);
        foreach (var item in items)
        {
            x -= weight(item);
            if (x <= 0) return item;
        }
        return items[^1];
    }

    private string Pick(IReadOnlyList<string> items) => items[_random.Next(items.Count)];

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Csv(params string?[] fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) line.Append(',');
            var f = fields[i] ?? "";
            if (f.IndexOfAny([',', '"', '\n']) >= 0) line.Append('"').Append(f.Replace("\"", "\"\"")).Append('"');
            else line.Append(f);
        }
        return line.ToString();
    }
}
