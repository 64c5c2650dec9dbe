namespace Chancery.DataGen;

/// <summary>One person holding one office on our side for a period. Role texts are the ways people
/// write the office (they resolve through the office reference data, in both languages).</summary>
public sealed record Tenure(string Name, int Tier, string[] Roles, DateOnly From, DateOnly To, string Channel);

/// <summary>Who led Vietnam's foreign relations, 2006–2025: the real holders of the tier-1 and main
/// tier-2/3 offices (people change office over time: Nguyễn Xuân Phúc deputy PM → PM → President,
/// Trần Thanh Mẫn vice chair → chair), and generated ministers, deputy ministers, provincial leaders
/// and ambassadors for each five-year term.</summary>
public static class Leaders
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateOnly End = D("2026-12-31");

    private static readonly string[] Gs = ["Tổng Bí thư", "General Secretary", "Party General Secretary"];
    private static readonly string[] President = ["Chủ tịch nước", "State President", "President"];
    private static readonly string[] Pm = ["Thủ tướng", "Prime Minister", "Thủ tướng Chính phủ"];
    private static readonly string[] NaChair = ["Chủ tịch Quốc hội", "National Assembly Chairman", "Chair of the National Assembly"];
    private static readonly string[] Dpm = ["Phó Thủ tướng", "Deputy Prime Minister"];
    private static readonly string[] Vp = ["Phó Chủ tịch nước", "Vice President of Vietnam"];
    private static readonly string[] NaVice = ["Phó Chủ tịch Quốc hội", "Vice Chair of the National Assembly"];
    private static readonly string[] Fm = ["Bộ trưởng Bộ Ngoại giao", "Foreign Minister", "Minister of Foreign Affairs"];

    public static readonly IReadOnlyList<Tenure> Real =
    [
        new("Nông Đức Mạnh", 1, Gs, D("2001-04-22"), D("2011-01-18"), "party"),
        new("Nguyễn Phú Trọng", 1, Gs, D("2011-01-19"), D("2024-07-19"), "party"),
        new("Tô Lâm", 1, Gs, D("2024-08-03"), End, "party"),
        new("Trần Đức Lương", 1, President, D("1997-09-24"), D("2006-06-26"), "state"),
        new("Nguyễn Minh Triết", 1, President, D("2006-06-27"), D("2011-07-24"), "state"),
        new("Trương Tấn Sang", 1, President, D("2011-07-25"), D("2016-04-01"), "state"),
        new("Trần Đại Quang", 1, President, D("2016-04-02"), D("2018-09-21"), "state"),
        new("Nguyễn Phú Trọng", 1, President, D("2018-10-23"), D("2021-04-04"), "state"),
        new("Nguyễn Xuân Phúc", 1, President, D("2021-04-05"), D("2023-01-17"), "state"),
        new("Võ Văn Thưởng", 1, President, D("2023-03-02"), D("2024-03-20"), "state"),
        new("Tô Lâm", 1, President, D("2024-05-22"), D("2024-10-20"), "state"),
        new("Lương Cường", 1, President, D("2024-10-21"), End, "state"),
        new("Phan Văn Khải", 1, Pm, D("1997-09-25"), D("2006-06-26"), "government"),
        new("Nguyễn Tấn Dũng", 1, Pm, D("2006-06-27"), D("2016-04-06"), "government"),
        new("Nguyễn Xuân Phúc", 1, Pm, D("2016-04-07"), D("2021-04-04"), "government"),
        new("Phạm Minh Chính", 1, Pm, D("2021-04-05"), End, "government"),
        new("Nguyễn Văn An", 1, NaChair, D("2001-06-27"), D("2006-06-25"), "national_assembly"),
        new("Nguyễn Phú Trọng", 1, NaChair, D("2006-06-26"), D("2011-07-22"), "national_assembly"),
        new("Nguyễn Sinh Hùng", 1, NaChair, D("2011-07-23"), D("2016-03-30"), "national_assembly"),
        new("Nguyễn Thị Kim Ngân", 1, NaChair, D("2016-03-31"), D("2021-03-30"), "national_assembly"),
        new("Vương Đình Huệ", 1, NaChair, D("2021-03-31"), D("2024-04-26"), "national_assembly"),
        new("Trần Thanh Mẫn", 1, NaChair, D("2024-05-20"), End, "national_assembly"),

        new("Nguyễn Sinh Hùng", 2, Dpm, D("2006-06-28"), D("2011-07-22"), "government"),
        new("Phạm Gia Khiêm", 2, Dpm, D("2006-06-28"), D("2011-08-02"), "government"),
        new("Trương Vĩnh Trọng", 2, Dpm, D("2006-06-28"), D("2011-08-02"), "government"),
        new("Hoàng Trung Hải", 2, Dpm, D("2007-08-02"), D("2016-04-08"), "government"),
        new("Nguyễn Thiện Nhân", 2, Dpm, D("2007-08-02"), D("2013-05-30"), "government"),
        new("Nguyễn Xuân Phúc", 2, Dpm, D("2011-08-03"), D("2016-04-06"), "government"),
        new("Vũ Văn Ninh", 2, Dpm, D("2011-08-03"), D("2016-04-08"), "government"),
        new("Phạm Bình Minh", 2, Dpm, D("2013-11-13"), D("2023-01-05"), "government"),
        new("Vũ Đức Đam", 2, Dpm, D("2013-11-13"), D("2023-01-05"), "government"),
        new("Trương Hòa Bình", 2, Dpm, D("2016-04-09"), D("2021-04-06"), "government"),
        new("Vương Đình Huệ", 2, Dpm, D("2016-04-09"), D("2020-02-09"), "government"),
        new("Trịnh Đình Dũng", 2, Dpm, D("2016-04-09"), D("2021-04-06"), "government"),
        new("Lê Văn Thành", 2, Dpm, D("2021-04-07"), D("2023-06-17"), "government"),
        new("Lê Minh Khái", 2, Dpm, D("2021-04-07"), D("2024-08-22"), "government"),
        new("Trần Hồng Hà", 2, Dpm, D("2023-01-06"), End, "government"),
        new("Trần Lưu Quang", 2, Dpm, D("2023-01-06"), D("2024-12-31"), "government"),
        new("Bùi Thanh Sơn", 2, Dpm, D("2025-02-19"), End, "government"),
        new("Nguyễn Chí Dũng", 2, Dpm, D("2025-02-19"), End, "government"),
        new("Trương Mỹ Hoa", 2, Vp, D("2002-07-24"), D("2007-07-24"), "state"),
        new("Nguyễn Thị Doan", 2, Vp, D("2007-07-25"), D("2016-04-06"), "state"),
        new("Đặng Thị Ngọc Thịnh", 2, Vp, D("2016-04-07"), D("2021-04-05"), "state"),
        new("Võ Thị Ánh Xuân", 2, Vp, D("2021-04-06"), End, "state"),
        new("Uông Chu Lưu", 2, NaVice, D("2007-07-02"), D("2016-04-01"), "national_assembly"),
        new("Tòng Thị Phóng", 2, NaVice, D("2011-07-23"), D("2021-04-01"), "national_assembly"),
        new("Đỗ Bá Tỵ", 2, NaVice, D("2016-04-01"), D("2021-04-01"), "national_assembly"),
        new("Trần Thanh Mẫn", 2, NaVice, D("2021-04-02"), D("2024-05-19"), "national_assembly"),
        new("Nguyễn Khắc Định", 2, NaVice, D("2021-04-02"), End, "national_assembly"),

        new("Phạm Gia Khiêm", 3, Fm, D("2006-06-28"), D("2011-08-02"), "ministry"),
        new("Phạm Bình Minh", 3, Fm, D("2011-08-03"), D("2021-04-07"), "ministry"),
        new("Bùi Thanh Sơn", 3, Fm, D("2021-04-08"), End, "ministry"),
    ];

    private static readonly string[] Family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Đoàn"];
    private static readonly string[] Middle = ["Văn", "Thị", "Minh", "Quốc", "Đức", "Thanh", "Hữu", "Xuân", "Công", "Hoài", "Ngọc", "Đình", "Thế", "Anh"];
    private static readonly string[] Given = ["Hùng", "Dũng", "Lan", "Hương", "Sơn", "Thắng", "Tuấn", "Hải", "Long", "Nam", "Phong", "Quang", "Hà", "Trung", "Bình", "Khánh", "Mai", "Thành", "Tâm", "Vinh", "Hòa", "Nga", "Cường", "Thủy", "Hiếu", "Đạt", "Lợi", "Toàn"];

    /// <summary>Generated holders of the lower offices, one set per five-year term (2006, 2011, 2016, 2021).</summary>
    public static IReadOnlyList<Tenure> Generated(Random random)
    {
        var list = new List<Tenure>();
        var used = new HashSet<string>(Real.Select(t => t.Name));
        string NewName()
        {
            while (true)
            {
                var name = $"{Family[random.Next(Family.Length)]} {Middle[random.Next(Middle.Length)]} {Given[random.Next(Given.Length)]}";
                if (used.Add(name)) return name;
            }
        }
        var previousDeputies = new List<string>();
        foreach (var termStart in new[] { 2006, 2011, 2016, 2021 })
        {
            var from = new DateOnly(termStart, 7, 1);
            var to = termStart == 2021 ? End : new DateOnly(termStart + 5, 6, 30);
            // Some deputy ministers of the last term become ministers: an office change.
            var promoted = previousDeputies.OrderBy(_ => random.Next()).Take(6).ToList();
            for (var i = 0; i < 22; i++)
                list.Add(new(i < promoted.Count ? promoted[i] : NewName(), 3, ["Bộ trưởng", "Minister"], from, to, "ministry"));
            previousDeputies = [];
            for (var i = 0; i < 60; i++)
            {
                var name = NewName();
                previousDeputies.Add(name);
                list.Add(new(name, 4, ["Thứ trưởng", "Deputy Minister", "Deputy Foreign Minister"], from, to, "ministry"));
            }
            for (var i = 0; i < 63; i++)
                list.Add(new(NewName(), 4, ["Chủ tịch UBND tỉnh", "Provincial chairman"], from, to, "province"));
            for (var i = 0; i < 40; i++)
                list.Add(new(NewName(), 4, ["Bí thư Tỉnh ủy", "Provincial Party Secretary"], from, to, "province"));
            for (var i = 0; i < 90; i++)
                list.Add(new(NewName(), 5, ["Đại sứ", "Ambassador"], from, to, "ministry"));
        }
        return list;
    }
}
