using Chancery.Web.Reference;

namespace Chancery.DataGen;

/// <summary>The partner countries with weights: the more a partner matters (neighbours, comprehensive
/// strategic partners, ASEAN), the more activities involve it. Every code comes from the reference
/// list the import validates against.</summary>
public sealed class Partners
{
    private static readonly Dictionary<string, double> Weights = new()
    {
        // Neighbours and special relations.
        ["CHN"] = 60, ["LAO"] = 55, ["KHM"] = 45, ["CUB"] = 8,
        // Comprehensive strategic partners.
        ["RUS"] = 22, ["IND"] = 20, ["KOR"] = 30, ["JPN"] = 32, ["USA"] = 30, ["AUS"] = 16, ["FRA"] = 16,
        ["MYS"] = 14, ["SGP"] = 18, ["THA"] = 20, ["IDN"] = 14, ["NZL"] = 8, ["GBR"] = 10, ["BRA"] = 6,
        // Strategic and comprehensive partners, the rest of ASEAN.
        ["DEU"] = 12, ["ITA"] = 8, ["ESP"] = 6, ["PHL"] = 10, ["CZE"] = 4, ["KAZ"] = 4, ["FIN"] = 3, ["BGR"] = 3,
        ["HUN"] = 5, ["NLD"] = 6, ["DNK"] = 4, ["CAN"] = 7, ["MNG"] = 5, ["BRN"] = 6, ["MMR"] = 8, ["TLS"] = 3,
        ["ARE"] = 6, ["SAU"] = 5, ["QAT"] = 4, ["TUR"] = 4, ["ISR"] = 4, ["EGY"] = 3, ["ZAF"] = 4, ["ARG"] = 4,
        ["CHL"] = 4, ["MEX"] = 4, ["PER"] = 3, ["VEN"] = 3, ["BLR"] = 4, ["UKR"] = 3, ["POL"] = 4, ["SWE"] = 4,
        ["NOR"] = 3, ["CHE"] = 5, ["BEL"] = 5, ["AUT"] = 4, ["IRL"] = 2, ["PRT"] = 2, ["GRC"] = 2, ["ROU"] = 3,
        ["SVK"] = 2, ["PRK"] = 3, ["BGD"] = 3, ["PAK"] = 3, ["LKA"] = 2, ["NPL"] = 2, ["IRN"] = 2, ["DZA"] = 3,
        ["MAR"] = 2, ["NGA"] = 2, ["MOZ"] = 3, ["AGO"] = 2, ["TZA"] = 2, ["KWT"] = 2, ["OMN"] = 2, ["UZB"] = 3,
    };

    private readonly string[] _codes;
    private readonly double[] _cumulative;

    public Partners()
    {
        var all = EmbeddedCsv.Rows("countries.csv").Select(r => r["iso3"]).Where(c => c != "VNM").ToList();
        _codes = [.. all];
        _cumulative = new double[_codes.Length];
        var total = 0.0;
        for (var i = 0; i < _codes.Length; i++)
        {
            // The long tail: every other country now and then.
            total += Weights.GetValueOrDefault(_codes[i], 0.25);
            _cumulative[i] = total;
        }
        Names = EmbeddedCsv.Rows("countries.csv").ToDictionary(r => r["iso3"], r => r["name_en"]);
        NamesVi = EmbeddedCsv.Rows("countries.csv").ToDictionary(r => r["iso3"], r => r["name_vi"]);
    }

    /// <summary>English names, for the English titles.</summary>
    public IReadOnlyDictionary<string, string> Names { get; }
    /// <summary>Vietnamese names, for the records' own (Vietnamese) titles and venues.</summary>
    public IReadOnlyDictionary<string, string> NamesVi { get; }

    public string Pick(Random random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return _codes[i < 0 ? ~i : i];
    }
}
