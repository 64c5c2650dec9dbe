namespace Chancery.Web.Reference;

/// <summary>The Vietnamese country names earlier releases shipped that the reference list now words
/// in the standard form (as the Ministry of Foreign Affairs writes them). A stored name still equal to
/// one of these, or to the English name (what was stored when no Vietnamese name was shipped), was
/// never chosen by a user, so start-up replaces it; any other stored name is a user's and stays.</summary>
public static class ShippedNames
{
    public static readonly IReadOnlyDictionary<string, string> PreviousVi = new Dictionary<string, string>
    {
        ["ATG"] = "Antigua và Barbuda", ["BIH"] = "Bosnia và Herzegovina", ["CIV"] = "Côte d'Ivoire",
        ["DOM"] = "Cộng hòa Dominica", ["MKD"] = "Bắc Macedonia", ["PCN"] = "Pitcairn", ["REU"] = "Reunion",
        ["ROU"] = "Rumani", ["RUS"] = "Nga", ["SHN"] = "Saint Helena", ["KNA"] = "Saint Kitts và Nevis",
        ["VCT"] = "Saint Vincent và Grenadines", ["STP"] = "Sao Tome và Principe", ["SAU"] = "Ả Rập Xê Út",
        ["TTO"] = "Trinidad và Tobago", ["SSD"] = "Nam Sudan",
    };

    public static bool WasShipped(string code, string storedVi, string storedEn) =>
        storedVi == storedEn || PreviousVi.GetValueOrDefault(code) == storedVi;
}
