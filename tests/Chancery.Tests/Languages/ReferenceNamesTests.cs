using Chancery.Web.Partners;
using Chancery.Web.Reference;

namespace Chancery.Tests.Languages;

/// <summary>The shipped reference list names every country in Vietnamese, in the standard form, and
/// places it in a region and sub-region of the region list (UN M49). The pairs and placements below
/// were checked by hand against the Ministry of Foreign Affairs' usage and the M49 tables.</summary>
public sealed class ReferenceNamesTests
{
    private static readonly List<Dictionary<string, string>> Countries = EmbeddedCsv.Rows("countries.csv");

    [Fact]
    public void Every_country_has_a_vietnamese_name_that_is_not_its_english_one()
    {
        Countries.Count.ShouldBeGreaterThan(240);
        Countries.Where(c => string.IsNullOrWhiteSpace(c["name_vi"])).Select(c => c["iso3"]).ShouldBeEmpty();
        Countries.Where(c => c["name_vi"] == c["name_en"]).Select(c => c["iso3"]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("USA", "Hoa Kỳ")]
    [InlineData("JPN", "Nhật Bản")]
    [InlineData("KOR", "Hàn Quốc")]
    [InlineData("GBR", "Vương quốc Anh")]
    [InlineData("RUS", "Liên bang Nga")]
    [InlineData("DEU", "Đức")]
    [InlineData("ARG", "Ác-hen-ti-na")]
    [InlineData("BRA", "Bra-xin")]
    [InlineData("SGP", "Xin-ga-po")]
    [InlineData("IDN", "In-đô-nê-xi-a")]
    [InlineData("MEX", "Mê-hi-cô")]
    [InlineData("AUT", "Áo")]
    [InlineData("NZL", "Niu Di-lân")]
    [InlineData("CYP", "Síp")]
    public void Known_countries_carry_their_standard_vietnamese_name(string iso3, string nameVi) =>
        Countries.Single(c => c["iso3"] == iso3)["name_vi"].ShouldBe(nameVi);

    [Fact]
    public void Every_country_sits_in_a_listed_region_and_a_sub_region_of_it()
    {
        foreach (var c in Countries.Where(c => c["iso3"] != "ATA"))
        {
            WorldRegions.IsRegion(c["region"]).ShouldBeTrue($"{c["iso3"]}: region '{c["region"]}'");
            WorldRegions.IsSubregionOf(c["subregion"], c["region"]).ShouldBeTrue($"{c["iso3"]}: sub-region '{c["subregion"]}'");
        }
    }

    [Theory]
    [InlineData("VNM", "asia", "south_eastern_asia")]
    [InlineData("MEX", "americas", "central_america")] // M49: Central America, not North America
    [InlineData("CYP", "asia", "western_asia")]        // M49: Western Asia
    [InlineData("AUT", "europe", "western_europe")]
    [InlineData("POL", "europe", "eastern_europe")]
    [InlineData("SRB", "europe", "southern_europe")]
    [InlineData("USA", "americas", "northern_america")]
    [InlineData("SSD", "africa", "eastern_africa")]
    public void Countries_follow_the_m49_scheme(string iso3, string region, string subregion)
    {
        var c = Countries.Single(c => c["iso3"] == iso3);
        (c["region"], c["subregion"]).ShouldBe((region, subregion));
    }

    [Fact]
    public void Organisations_sit_in_listed_regions() =>
        EmbeddedCsv.Rows("organisations.csv").Where(o => !WorldRegions.IsRegion(o["region"])).Select(o => o["code"]).ShouldBeEmpty();
}
