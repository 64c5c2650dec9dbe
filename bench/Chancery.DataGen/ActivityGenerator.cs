using System.Text;

namespace Chancery.DataGen;

/// <summary>Generates activities.csv rows (DOMAIN "Interchange formats") that look like twenty years
/// of the sector's work, 2006–2025, reproducibly from a seed. Trips and conferences of senior leaders
/// come with bilateral meetings held during them (part_of), written right after their parent.</summary>
public sealed class ActivityGenerator
{
    public const string Header = "id,kind,date_start,date_end,status,leader_role,leader_name,direction,countries_iso3,counterpart_name,counterpart_role,host_or_venue,title,part_of,channel,classification,source,notes,leader_office_change,title_en";

    /// <summary>"Today" for statuses: before it records are mostly completed, after it planned or confirmed.</summary>
    public static readonly DateOnly Today = new(2025, 11, 1);
    private static readonly DateOnly First = new(2006, 1, 1);
    private static readonly DateOnly Last = new(2025, 12, 31);

    private static readonly (string Name, string NameVi, string Code)[] Conferences =
    [
        ("ASEAN Summit", "Hội nghị Cấp cao ASEAN", ""), ("East Asia Summit", "Hội nghị Cấp cao Đông Á", ""),
        ("APEC Economic Leaders' Meeting", "Hội nghị các nhà Lãnh đạo Kinh tế APEC", ""), ("G20 Summit", "Hội nghị Thượng đỉnh G20", ""),
        ("United Nations General Assembly", "Đại hội đồng Liên hợp quốc", "USA"), ("ASEM Summit", "Hội nghị Cấp cao ASEM", ""),
        ("Mekong–Lancang Cooperation Leaders' Meeting", "Hội nghị Lãnh đạo Hợp tác Mê Công - Lan Thương", ""),
        ("World Economic Forum", "Diễn đàn Kinh tế Thế giới", "CHE"), ("G7 Outreach Session", "Hội nghị G7 mở rộng", ""),
        ("BRICS Summit (partner session)", "Hội nghị Thượng đỉnh BRICS (phiên các nước đối tác)", ""),
        ("ASEAN Foreign Ministers' Meeting", "Hội nghị Bộ trưởng Ngoại giao ASEAN", ""), ("Shangri-La Dialogue", "Đối thoại Shangri-La", "SGP"),
        ("Inter-Parliamentary Union Assembly", "Đại hội đồng Liên minh Nghị viện Thế giới", ""),
        ("UN Climate Change Conference (COP)", "Hội nghị Liên hợp quốc về Biến đổi khí hậu (COP)", ""),
        ("Francophonie Summit", "Hội nghị Thượng đỉnh Pháp ngữ", ""), ("Mekong–Japan Summit", "Hội nghị Cấp cao Mê Công - Nhật Bản", "JPN"),
    ];

    /// <summary>The foreign offices the generator writes, as Vietnamese titles name them.</summary>
    private static readonly Dictionary<string, string> RolesVi = new()
    {
        ["Prime Minister"] = "Thủ tướng", ["President"] = "Tổng thống", ["Speaker"] = "Chủ tịch Hạ viện",
        ["General Secretary"] = "Tổng Bí thư", ["Deputy Prime Minister"] = "Phó Thủ tướng", ["Vice President"] = "Phó Tổng thống",
        ["Foreign Minister"] = "Bộ trưởng Ngoại giao", ["Minister"] = "Bộ trưởng", ["Ambassador"] = "Đại sứ", ["Secretary"] = "Bộ trưởng",
        ["UN Secretary-General"] = "Tổng Thư ký Liên hợp quốc",
    };

    private static readonly string[] ForeignGiven = ["Anders", "Maria", "Kenji", "Min-jun", "Ahmad", "Siti", "Carlos", "Elena", "Pierre", "Hans", "Olga", "Rahul", "Somchai", "Bounmy", "Sok", "Li", "Wang", "James", "Sarah", "Luis", "Fatima", "Yusuf", "Ingrid", "Paolo", "Akira", "Ji-woo", "Dmitry", "Nadia"];
    private static readonly string[] ForeignFamily = ["Andersen", "García", "Tanaka", "Kim", "Rahman", "Abdullah", "Silva", "Petrova", "Dubois", "Müller", "Ivanova", "Sharma", "Chaiyaporn", "Phommavong", "Chan", "Zhang", "Smith", "Brown", "Fernández", "Hassan", "Yilmaz", "Larsen", "Rossi", "Sato", "Park", "Volkov", "Haddad", "Santos"];
    private static readonly string[] Sources = ["Báo Chính phủ", "TTXVN", "MOFA press release", "Báo Nhân Dân", "VnExpress", "Cổng TTĐT Quốc hội"];

    private readonly Random _random;
    private readonly Partners _partners = new();
    private readonly IReadOnlyList<Tenure> _tenures;
    private readonly Tenure[][] _byTier;
    private int _next;

    public ActivityGenerator(int seed)
    {
        _random = new Random(seed);
        _tenures = [.. Leaders.Real, .. Leaders.Generated(_random)];
        _byTier = Enumerable.Range(0, 6).Select(t => _tenures.Where(x => x.Tier == t).ToArray()).ToArray();
    }

    /// <summary>Rows until <paramref name="count"/> activities are written (children included).</summary>
    public IEnumerable<string> Rows(int count)
    {
        var rows = new List<string>();
        while (_next < count)
        {
            rows.Clear();
            Activity(rows, count);
            foreach (var row in rows) yield return row;
        }
    }

    private void Activity(List<string> rows, int count)
    {
        var day = First.AddDays(_random.Next(Last.DayNumber - First.DayNumber + 1));
        var tier = PickTier();
        var tenure = Holder(tier, day);
        if (tenure is null) return;
        var kind = PickKind(tier, day.Year);
        var id = NextId();
        var country = _partners.Pick(_random);
        var status = Status(day);
        var classification = Classification();
        var role = tenure.Roles[_random.Next(tenure.Roles.Length)];
        var channel = _random.NextDouble() < 0.03 ? "people" : tenure.Channel;
        var source = Sources[_random.Next(Sources.Length)];
        var name = _partners.Names.GetValueOrDefault(country, country);
        var nameVi = _partners.NamesVi.GetValueOrDefault(country, country);

        switch (kind)
        {
            case "state_visit" or "official_visit" or "working_visit" or "private_visit":
            {
                var legs = new List<string> { country };
                var extra = _random.NextDouble() < 0.3 ? 1 + _random.Next(3) : 0;
                for (var i = 0; i < extra; i++) legs.Add(_partners.Pick(_random));
                var end = day.AddDays(1 + _random.Next(5) + extra);
                var title = $"{Title(kind)} to {string.Join(", ", legs.Distinct().Select(c => _partners.Names.GetValueOrDefault(c, c)))}";
                var titleVi = $"{TitleVi(kind)} {string.Join(", ", legs.Distinct().Select(c => _partners.NamesVi.GetValueOrDefault(c, c)))}";
                rows.Add(Row(id, kind, day, end, status, role, tenure.Name, "outgoing", string.Join(';', legs), null, null, nameVi, (titleVi, title), null, channel, classification, source));
                // Senior leaders meet their hosts (and others) during the trip.
                if (tier <= 2 && status != "cancelled")
                    for (var m = 0; m < 1 + _random.Next(3) && _next < count; m++)
                    {
                        var host = legs[_random.Next(legs.Count)];
                        var (cName, cRole) = Counterpart(host, tier, day);
                        var hostVi = _partners.NamesVi.GetValueOrDefault(host, host);
                        rows.Add(Row(NextId(), "bilateral_meeting", day.AddDays(m % (end.DayNumber - day.DayNumber + 1)), null, status, role, tenure.Name, null, host,
                            cName, cRole, hostVi, ($"Hội kiến {RolesVi[cRole]} {hostVi}", $"Meeting with the {cRole} of {_partners.Names.GetValueOrDefault(host, host)}"), id, channel, classification, source));
                    }
                break;
            }
            case "multilateral_conference":
            {
                var (conference, conferenceVi, fixedHost) = Conferences[_random.Next(Conferences.Length)];
                var host = fixedHost.Length > 0 ? fixedHost : country;
                var end = day.AddDays(_random.Next(3));
                var hostVi = _partners.NamesVi.GetValueOrDefault(host, host);
                rows.Add(Row(id, kind, day, end, status, role, tenure.Name, null, host, null, null,
                    hostVi, ($"{conferenceVi} {day.Year}", $"{conference} {day.Year}"), null, channel, classification, source));
                if (tier <= 2 && status != "cancelled")
                    for (var m = 0; m < 2 + _random.Next(5) && _next < count; m++)
                    {
                        var other = _partners.Pick(_random);
                        var (cName, cRole) = Counterpart(other, tier, day);
                        rows.Add(Row(NextId(), "bilateral_meeting", day, null, status, role, tenure.Name, null, other, cName, cRole, hostVi,
                            ($"Hội kiến {RolesVi[cRole]} {_partners.NamesVi.GetValueOrDefault(other, other)} bên lề {conferenceVi}",
                             $"Meeting with the {cRole} of {_partners.Names.GetValueOrDefault(other, other)} on the sidelines of the {conference}"), id, channel, classification, source));
                    }
                break;
            }
            default:
            {
                var (cName, cRole) = kind == "incoming_visit" && _random.NextDouble() < 0.01
                    ? ("António Guterres", "UN Secretary-General")
                    : Counterpart(country, tier, day);
                var un = cRole == "UN Secretary-General";
                var end = kind == "incoming_visit" ? day.AddDays(1 + _random.Next(3)) : day;
                var venue = kind is "phone_call" or "online_talk" ? null : "Hà Nội";
                var title = kind switch
                {
                    "incoming_visit" => $"Visit to Vietnam by the {cRole}{(un ? "" : " of " + name)}",
                    "phone_call" => $"Phone call with the {cRole} of {name}",
                    "online_talk" => $"Online talks with the {cRole} of {name}",
                    "reception" => $"Reception for the {cRole} of {name}",
                    _ => $"Meeting with the {cRole} of {name}",
                };
                var roleVi = RolesVi[cRole];
                var titleVi = kind switch
                {
                    "incoming_visit" => $"{roleVi}{(un ? "" : " " + nameVi)} thăm Việt Nam",
                    "phone_call" => $"Điện đàm với {roleVi} {nameVi}",
                    "online_talk" => $"Hội đàm trực tuyến với {roleVi} {nameVi}",
                    "reception" => $"Tiếp {roleVi} {nameVi}",
                    _ => $"Hội kiến {roleVi} {nameVi}",
                };
                rows.Add(Row(id, kind, day, end, status, role, tenure.Name, kind == "incoming_visit" ? "incoming" : null, un ? "" : country,
                    cName, cRole, venue, (titleVi, title), null, channel, classification, source));
                break;
            }
        }
    }

    private string NextId() => $"g{++_next:D7}";

    private int PickTier()
    {
        var x = _random.NextDouble();
        return x < 0.015 ? 1 : x < 0.09 ? 2 : x < 0.33 ? 3 : x < 0.80 ? 4 : 5;
    }

    private Tenure? Holder(int tier, DateOnly day)
    {
        var holders = _byTier[tier];
        // A few tries: one of the office holders of that rank in office on that day.
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var t = holders[_random.Next(holders.Length)];
            if (t.From <= day && day <= t.To) return t;
        }
        return holders.Where(t => t.From <= day && day <= t.To).OrderBy(_ => _random.Next()).FirstOrDefault();
    }

    private string PickKind(int tier, int year)
    {
        // 2020–2021: the pandemic moved travel online.
        var covid = year is 2020 or 2021;
        (string Kind, double Weight)[] mix = tier switch
        {
            <= 2 => [("state_visit", tier == 1 ? 3 : 0), ("official_visit", 8), ("working_visit", 6), ("private_visit", 0.5),
                ("incoming_visit", 14), ("multilateral_conference", 6), ("bilateral_meeting", 30), ("phone_call", 12),
                ("online_talk", covid ? 14 : 3), ("reception", 14)],
            _ => [("official_visit", 3), ("working_visit", 9), ("incoming_visit", 12), ("multilateral_conference", 7),
                ("bilateral_meeting", 40), ("phone_call", 8), ("online_talk", covid ? 12 : 4), ("reception", 16)],
        };
        if (covid)
            mix = mix.Select(m => m.Kind.EndsWith("_visit", StringComparison.Ordinal) || m.Kind == "multilateral_conference" ? (m.Kind, m.Weight * 0.2) : m).ToArray();
        var x = _random.NextDouble() * mix.Sum(m => m.Weight);
        foreach (var (kind, weight) in mix)
        {
            if (x < weight) return kind;
            x -= weight;
        }
        return "bilateral_meeting";
    }

    private (string Name, string Role) Counterpart(string country, int tier, DateOnly day)
    {
        string[] roles = tier switch
        {
            1 => ["Prime Minister", "President", "Prime Minister", "Speaker", "General Secretary"],
            2 => ["Deputy Prime Minister", "Vice President", "Foreign Minister", "Prime Minister"],
            3 => ["Foreign Minister", "Minister", "Minister"],
            _ => ["Minister", "Ambassador", "Secretary"],
        };
        var role = roles[_random.Next(roles.Length)];
        // The same country, office and five-year term give the same person.
        var term = (day.Year - 2006 + (StableHash(country) & 0x7fffffff) % 5) / 5;
        var h = unchecked(StableHash(country) * 7919 + StableHash(role) * 31 + term) & 0x7fffffff;
        return ($"{ForeignGiven[h % ForeignGiven.Length]} {ForeignFamily[(h / 31) % ForeignFamily.Length]} ({country})", role);
    }

    /// <summary>string.GetHashCode is randomised per process; names must not be.</summary>
    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h;
    }

    private string Status(DateOnly day)
    {
        var x = _random.NextDouble();
        if (day <= Today) return x < 0.955 ? "completed" : x < 0.985 ? "cancelled" : "postponed";
        return x < 0.55 ? "planned" : x < 0.95 ? "confirmed" : "postponed";
    }

    private string Classification()
    {
        var x = _random.NextDouble();
        return x < 0.18 ? "public" : x < 0.88 ? "internal" : x < 0.97 ? "confidential" : x < 0.995 ? "secret" : "top_secret";
    }

    private static string Title(string kind) => kind switch
    {
        "state_visit" => "State visit",
        "official_visit" => "Official visit",
        "working_visit" => "Working visit",
        _ => "Private visit",
    };

    private static string TitleVi(string kind) => kind switch
    {
        "state_visit" => "Thăm cấp Nhà nước",
        "official_visit" => "Thăm chính thức",
        "working_visit" => "Thăm làm việc",
        _ => "Thăm riêng",
    };

    // (leader, role) pairs already written: the first row of a pair says the leader takes up the office (new),
    // the later ones that it stretches as far as the row (extend), so that a file loaded in several imports
    // (a direct load in batches) may change the offices the earlier imports recorded (DOMAIN: never silently).
    private readonly HashSet<(string Leader, string Role)> _offices = [];

    private string Row(string id, string kind, DateOnly start, DateOnly? end, string status, string role, string leader,
        string? direction, string countries, string? counterpart, string? counterpartRole, string? venue, (string Vi, string En) title,
        string? partOf, string channel, string classification, string source)
    {
        var sb = new StringBuilder(200);
        void Field(string? value, bool last = false)
        {
            if (!string.IsNullOrEmpty(value))
            {
                if (value.AsSpan().IndexOfAny(",\"\n\r") >= 0) sb.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
                else sb.Append(value);
            }
            if (!last) sb.Append(',');
        }
        Field(id); Field(kind); Field(start.ToString("yyyy-MM-dd")); Field((end ?? start).ToString("yyyy-MM-dd")); Field(status);
        Field(role); Field(leader); Field(direction); Field(countries); Field(counterpart); Field(counterpartRole); Field(venue);
        Field(title.Vi); Field(partOf); Field(channel); Field(classification); Field(source); Field(null);
        Field(_offices.Add((leader, role)) ? "new" : "extend");
        Field(title.En, last: true);
        return sb.ToString();
    }
}
