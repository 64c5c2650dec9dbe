using Chancery.Web.Reports;

namespace Chancery.Tests.Reports;

public sealed class AnnualReviewParagraphTests
{
    // headline 70 = 14 outgoing + 19 incoming + 5 conferences + 20 calls + 12 online talks; 120 bilateral beside.
    private static readonly AnnualReviewFigures Year = new(70, 14, 17, 5, 120, 19, 20, 12);

    [Fact]
    public void The_english_paragraph_states_every_figure_in_the_reviews_order() =>
        AnnualReviewParagraph.English(Year).ShouldBe(
            "In the period there were 70 high-level diplomatic activities, including 14 visits by Vietnamese leaders to 17 countries, " +
            "participation in 5 multilateral conferences, 20 phone calls and 12 online talks with foreign leaders, " +
            "and visits to Vietnam by 19 foreign leaders; beside these, leaders held 120 bilateral meetings with world leaders.");

    [Fact]
    public void The_vietnamese_paragraph_states_every_figure() =>
        AnnualReviewParagraph.Vietnamese(Year).ShouldBe(
            "Trong kỳ đã diễn ra 70 hoạt động đối ngoại cấp cao, trong đó có 14 chuyến thăm của lãnh đạo Việt Nam tới 17 quốc gia, " +
            "tham dự 5 hội nghị đa phương, 20 cuộc điện đàm và 12 cuộc hội đàm trực tuyến với lãnh đạo các nước, " +
            "đón 19 lãnh đạo nước ngoài thăm Việt Nam; bên cạnh đó, lãnh đạo ta đã có 120 cuộc gặp song phương với lãnh đạo các nước.");

    [Fact]
    public void One_of_a_kind_is_written_in_the_singular()
    {
        var text = AnnualReviewParagraph.English(new AnnualReviewFigures(1, 1, 1, 0, 1, 0, 0, 0));
        text.ShouldContain("1 high-level diplomatic activity,");
        text.ShouldContain("1 visit by Vietnamese leaders to 1 country,");
        text.ShouldContain("0 multilateral conferences");
        text.ShouldContain("1 bilateral meeting with");
    }
}
