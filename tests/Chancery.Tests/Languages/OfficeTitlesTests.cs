using Chancery.Web.People;
using Chancery.Web.Reference;

namespace Chancery.Tests.Languages;

/// <summary>The rule that words an office as a record wrote it in the reader's language.</summary>
public sealed class OfficeTitlesTests
{
    private static readonly Office PrimeMinister = new()
    {
        Id = 1, Code = "prime_minister", Tier = 1, Side = OfficeSide.Domestic, NameEn = "Prime Minister of Vietnam",
        NameVi = "Thủ tướng Chính phủ", Aliases = "Prime Minister;PM;Thủ tướng",
    };
    private static readonly Office HeadOfState = new()
    {
        Id = 2, Code = "head_of_state", Tier = 1, Side = OfficeSide.Foreign, NameEn = "Head of State", NameVi = "Nguyên thủ quốc gia",
        Aliases = "President;King;Emir;Quốc vương",
    };
    private static readonly OfficeTitles Titles = new(new OfficeResolver([PrimeMinister, HeadOfState]));

    [Theory]
    [InlineData("Thủ tướng", true, "Thủ tướng Chính phủ")]
    [InlineData("Thủ tướng", false, "Prime Minister of Vietnam")]
    [InlineData("PM", true, "Thủ tướng Chính phủ")]
    [InlineData("Prime Minister", false, "Prime Minister of Vietnam")]
    [InlineData("Trưởng ban Đối ngoại", true, "Trưởng ban Đối ngoại")] // unknown: as written
    public void Our_offices_read_as_the_office_in_the_readers_language(string text, bool vietnamese, string shown) =>
        Titles.Shown(text, OfficeSide.Domestic, vietnamese).ShouldBe(shown);

    [Theory]
    [InlineData("President", true, "Tổng thống")]    // a known pair
    [InlineData("Tổng thống", false, "President")]
    [InlineData("Chancellor", true, "Thủ tướng")]
    [InlineData("Emir", true, "Quốc vương")]
    [InlineData("Grand Duke", true, "Grand Duke")]   // unknown, English: as written (nothing better to say)
    [InlineData("Grand Duke", false, "Grand Duke")]
    public void Foreign_titles_read_in_the_readers_language_where_known(string text, bool vietnamese, string shown) =>
        Titles.Shown(text, OfficeSide.Foreign, vietnamese).ShouldBe(shown);

    [Fact]
    public void A_foreign_title_in_the_other_language_falls_back_to_its_office()
    {
        // "Quốc vương" is a known pair (King); a title only the office list knows reads as the office.
        var titles = new OfficeTitles(new OfficeResolver([new Office
        {
            Id = 3, Code = "head_of_parliament", Tier = 1, Side = OfficeSide.Foreign, NameEn = "Head of Parliament",
            NameVi = "Người đứng đầu Quốc hội", Aliases = "Chủ tịch Nghị viện",
        }]));
        titles.Shown("Chủ tịch Nghị viện", OfficeSide.Foreign, vietnamese: false).ShouldBe("Head of Parliament");
        titles.Shown("Chủ tịch Nghị viện", OfficeSide.Foreign, vietnamese: true).ShouldBe("Chủ tịch Nghị viện");
    }
}
