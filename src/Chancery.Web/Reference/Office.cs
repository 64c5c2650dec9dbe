using Chancery.Web.Common.Search;

namespace Chancery.Web.Reference;

/// <summary>An office a person can hold, with its tier: 1 for the four top leaders on our side and
/// for foreign heads of state or government, party leaders, heads of parliament and the UN
/// Secretary-General; 2 for deputies and Politburo level; 3 for ministers; lower numbers rank higher.</summary>
public sealed class Office
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int Tier { get; set; }
    public OfficeSide Side { get; set; }
    public required string NameEn { get; set; }
    public required string NameVi { get; set; }
    /// <summary>Other names the office goes by, separated by ';' (in either language).</summary>
    public string Aliases { get; set; } = "";

    public IEnumerable<string> AllNames() =>
        new[] { NameEn, NameVi }.Concat(Aliases.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public IEnumerable<string> FoldedNames() => AllNames().Select(TextFolding.Fold).Distinct();
}

/// <summary>Whose office it is: ours (domestic) or a foreign counterpart's.</summary>
public enum OfficeSide
{
    Domestic = 1,
    Foreign = 2,
}
