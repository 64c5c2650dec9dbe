using System.Globalization;
using Chancery.Web.Partners;

namespace Chancery.Tests.Partners;

public class PartialDateTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Theory]
    [InlineData("2008", 2008, 1, 1, DatePrecision.Year)]
    [InlineData("2012-07", 2012, 7, 1, DatePrecision.Month)]
    [InlineData("2016-09-03", 2016, 9, 3, DatePrecision.Day)]
    [InlineData(" 2016-09-03 ", 2016, 9, 3, DatePrecision.Day)]
    public void Parses_year_month_and_day_precision(string text, int year, int month, int day, DatePrecision precision)
    {
        PartialDate.TryParse(text, out var date).ShouldBeTrue();
        date.FirstDay.ShouldBe(new DateOnly(year, month, day));
        date.Precision.ShouldBe(precision);
        date.ToIso().ShouldBe(text.Trim());
    }

    [Theory]
    [InlineData("2016-9-3")]
    [InlineData("03/09/2016")]
    [InlineData("2016-13")]
    [InlineData("2016-02-30")]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_anything_else(string? text) => PartialDate.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("2008", "2008-12-31")]
    [InlineData("2012-02", "2012-02-29")] // leap year
    [InlineData("2013-02", "2013-02-28")]
    [InlineData("2012-07", "2012-07-31")]
    [InlineData("2016-09-03", "2016-09-03")]
    public void The_last_day_is_the_end_of_the_known_period(string text, string lastDay)
    {
        PartialDate.TryParse(text, out var date).ShouldBeTrue();
        date.LastDay.ShouldBe(DateOnly.ParseExact(lastDay, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2016-09-03", "03/09/2016")]
    [InlineData("2012-07", "07/2012")]
    [InlineData("2008", "2008")]
    public void Displays_in_Vietnamese_as_day_month_year(string text, string expected)
    {
        PartialDate.TryParse(text, out var date).ShouldBeTrue();
        date.ToDisplay(Vietnamese).ShouldBe(expected);
    }
}
