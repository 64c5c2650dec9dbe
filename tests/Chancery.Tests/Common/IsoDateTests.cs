using System.Globalization;
using Chancery.Web.Common.Import;

namespace Chancery.Tests.Common;

/// <summary>The import's date reader accepts exactly what <c>DateOnly.TryParseExact("yyyy-MM-dd")</c>
/// accepts, and reads the same date: it replaced that call for speed, not to change what a file may say.</summary>
public sealed class IsoDateTests
{
    public static TheoryData<string> Texts() =>
    [
        "2024-02-29", "2023-02-29", "2024-02-30", "2024-04-31", "2024-12-31", "2024-13-01", "2024-00-10", "2024-01-00",
        "0001-01-01", "0000-01-01", "9999-12-31", "2024-1-01", "2024-01-1", "24-01-01", "2024/01/01", "2024-01-01x",
        " 2024-01-01", "2024-01-0a", "abcd-ef-gh", "", "２０２４-01-01", "2024-٠١-01", "+024-01-01", "-024-01-01",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Reads_a_text_as_the_framework_does(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var framework);

        IsoDate.TryParse(text, out var ours).ShouldBe(expected, text);
        ours.ShouldBe(expected ? framework : default);
    }

    [Fact]
    public void Reads_every_day_of_four_years_as_the_framework_does()
    {
        for (var day = new DateOnly(2023, 1, 1); day < new DateOnly(2027, 1, 1); day = day.AddDays(1))
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            IsoDate.TryParse(text, out var read).ShouldBeTrue(text);
            read.ShouldBe(day);
        }
    }
}
