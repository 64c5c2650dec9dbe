using Chancery.Web.People;
using Chancery.Web.Reference;

namespace Chancery.Tests.Activities;

/// <summary>The resolver over the shipped offices.csv, as the seeder loads it.</summary>
public sealed class OfficeResolverTests
{
    private static readonly OfficeResolver Resolver = new(EmbeddedCsv.Rows("offices.csv").Select((row, i) => new Office
    {
        Id = i + 1,
        Code = row["code"],
        Tier = int.Parse(row["tier"], System.Globalization.CultureInfo.InvariantCulture),
        Side = row["side"] == "foreign" ? OfficeSide.Foreign : OfficeSide.Domestic,
        NameEn = row["name_en"],
        NameVi = row["name_vi"],
        Aliases = row["aliases"],
    }));

    [Theory]
    [InlineData("Chair of the National Assembly")]
    [InlineData("National Assembly Chairman")]
    [InlineData("Chủ tịch Quốc hội")]
    [InlineData("chu tich quoc hoi")]
    [InlineData("  CHỦ TỊCH   QUỐC HỘI ")]
    public void The_chair_of_the_national_assembly_is_recognised_however_it_is_written(string text) =>
        Resolver.Resolve(text, OfficeSide.Domestic)!.Code.ShouldBe("national_assembly_chair");

    [Fact]
    public void A_chancellor_abroad_is_a_head_of_government() =>
        Resolver.Resolve("Chancellor", OfficeSide.Foreign)!.Code.ShouldBe("head_of_government");

    [Fact]
    public void The_same_words_name_different_offices_on_each_side()
    {
        Resolver.Resolve("Chủ tịch Quốc hội", OfficeSide.Foreign)!.Code.ShouldBe("head_of_parliament");
        Resolver.Resolve("Prime Minister", OfficeSide.Domestic)!.Code.ShouldBe("prime_minister");
        Resolver.Resolve("Prime Minister", OfficeSide.Foreign)!.Code.ShouldBe("head_of_government");
    }

    [Fact]
    public void The_un_secretary_general_is_tier_one_with_or_without_a_hyphen()
    {
        Resolver.Resolve("UN Secretary-General", OfficeSide.Foreign)!.Tier.ShouldBe(1);
        Resolver.Resolve("UN Secretary General", OfficeSide.Foreign)!.Code.ShouldBe("un_secretary_general");
    }

    [Fact]
    public void Unknown_text_is_a_free_text_title_with_no_office()
    {
        Resolver.Resolve("Chief Wizard", OfficeSide.Domestic).ShouldBeNull();
        Resolver.Resolve("", OfficeSide.Foreign).ShouldBeNull();
    }
}
