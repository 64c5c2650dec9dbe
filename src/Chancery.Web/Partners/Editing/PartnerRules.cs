using System.Text.RegularExpressions;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Partners.Editing;

/// <summary>The rules of a partner's and a framework event's input, as problem codes named by the
/// JSON field. Lengths are not here: they come from the database model (<see cref="ModelLimits"/>),
/// and the classification rule is the kernel's (<see cref="WriteGuard"/>).</summary>
public static partial class PartnerRules
{
    public static void CheckPartner(PartnerInput input, string code, Problems problems)
    {
        var isCountry = string.Equals(input.Kind, "country", StringComparison.OrdinalIgnoreCase);
        var isOrganisation = string.Equals(input.Kind, "organisation", StringComparison.OrdinalIgnoreCase);
        if (!isCountry && !isOrganisation) problems.Add("kind", "ErrKind");
        if (code.Length == 0) problems.Add("code", ErrorCodes.Required);
        else if (isCountry && !Alpha3().IsMatch(code)) problems.Add("code", "ErrAlpha3");
        else if (!isCountry && !OrganisationCode().IsMatch(code)) problems.Add("code", "ErrOrgCode");
        if (!string.IsNullOrWhiteSpace(input.Iso2) && !Alpha2().IsMatch(input.Iso2.Trim().ToUpperInvariant()))
            problems.Add("iso2", "ErrAlpha2");
        if (string.IsNullOrWhiteSpace(input.NameVi)) problems.Add("nameVi", ErrorCodes.Required);
        if (string.IsNullOrWhiteSpace(input.NameEn)) problems.Add("nameEn", ErrorCodes.Required);
        CheckRegion(input, problems);
    }

    /// <summary>Region and sub-region come from <see cref="WorldRegions"/> (codes, never free text); a
    /// sub-region must lie in the chosen region, and needs one.</summary>
    private static void CheckRegion(PartnerInput input, Problems problems)
    {
        var region = Blank(input.Region);
        var subregion = Blank(input.Subregion);
        if (region is not null && !WorldRegions.IsRegion(region))
            problems.Add("region", "ErrRegion");
        else if (subregion is not null && !WorldRegions.IsSubregionOf(subregion, region))
            problems.Add("subregion", "ErrSubregion");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The level and the date as parsed; both default when the input is refused.</summary>
    public static (RelationLevel Level, PartialDate When) CheckEvent(FrameworkEventInput input, Problems problems)
    {
        if (!RelationLevels.TryParse(input.Level, out var level))
            problems.Add("level", "ErrLevel", string.Join(", ", RelationLevels.Codes));
        if (!PartialDate.TryParse(input.EstablishedDate, out var when))
            problems.Add("establishedDate", "ErrDate");
        return (level, when);
    }

    [GeneratedRegex("^[A-Z]{3}$")] private static partial Regex Alpha3();
    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex Alpha2();
    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,11}$")] private static partial Regex OrganisationCode();
}
