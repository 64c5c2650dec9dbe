using Chancery.Web.Common.Classification;

namespace Chancery.Tests.Common;

public class ClassificationLevelsTests
{
    [Theory]
    [InlineData("public", ClassificationLevel.Public)]
    [InlineData("internal", ClassificationLevel.Internal)]
    [InlineData("confidential", ClassificationLevel.Confidential)]
    [InlineData("secret", ClassificationLevel.Secret)]
    [InlineData("top_secret", ClassificationLevel.TopSecret)]
    public void Each_code_parses_to_its_level_and_back(string code, ClassificationLevel level)
    {
        ClassificationLevels.TryParse(code, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(level);
        level.ToCode().ShouldBe(code);
    }

    [Theory]
    [InlineData(" Confidential ", ClassificationLevel.Confidential)]
    [InlineData("TOP_SECRET", ClassificationLevel.TopSecret)]
    public void Codes_ignore_case_and_surrounding_spaces(string code, ClassificationLevel level)
    {
        ClassificationLevels.TryParse(code, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(level);
    }

    [Theory]
    [InlineData("top secret")]
    [InlineData("restricted")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_codes_are_refused(string? code) => ClassificationLevels.TryParse(code, out _).ShouldBeFalse();

    [Fact]
    public void Levels_are_ordered_from_public_to_top_secret()
    {
        ClassificationLevel[] ascending = [ClassificationLevel.Public, ClassificationLevel.Internal,
            ClassificationLevel.Confidential, ClassificationLevel.Secret, ClassificationLevel.TopSecret];
        ascending.Order().ShouldBe(ascending);
        ClassificationLevels.Codes.Count.ShouldBe(5);
    }
}
