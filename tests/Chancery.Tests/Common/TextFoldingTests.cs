using Chancery.Web.Common.Search;

namespace Chancery.Tests.Common;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Đà Nẵng", "da nang")]
    [InlineData("Việt", "viet")]
    [InlineData("Hàn Quốc", "han quoc")]
    [InlineData("đ", "d")]
    [InlineData("Đ", "d")]
    [InlineData("ĐẠI SỨ QUÁN", "dai su quan")]
    public void Folds_case_and_Vietnamese_diacritics_including_d_with_stroke(string text, string expected) =>
        TextFolding.Fold(text).ShouldBe(expected);

    [Theory]
    [InlineData("  Hà   Nội  ", "ha noi")]
    [InlineData("Hà\tNội\nmới", "ha noi moi")]
    public void Trims_and_collapses_whitespace_to_single_spaces(string text, string expected) =>
        TextFolding.Fold(text).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_text_folds_to_empty(string? text) => TextFolding.Fold(text).ShouldBe("");

    [Fact]
    public void Several_names_are_kept_apart_so_a_term_cannot_match_across_two() =>
        TextFolding.FoldAll("KOR", null, "Hàn Quốc", "Korea").ShouldBe("kor | han quoc | korea");

    [Fact]
    public void A_search_text_shows_its_words_between_spaces_so_a_word_after_punctuation_is_found() =>
        TextFolding.FoldAll("Karin Keller-Sutter", "Gặp tại (Tokyo), 2025.").ShouldBe("karin keller sutter | gap tai tokyo 2025");
}
