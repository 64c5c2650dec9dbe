using Chancery.Web.Common.Import;

namespace Chancery.Tests.Lists;

public sealed class FormulaGuardTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+84 24 3823 4567", "'+84 24 3823 4567")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'=x", "''=x")]
    [InlineData("'x", "'x")]
    [InlineData("'", "'")]
    [InlineData("Hà Nội = thủ đô", "Hà Nội = thủ đô")]
    [InlineData("", "")]
    public void A_cell_a_spreadsheet_would_run_gets_an_apostrophe_and_the_import_takes_it_off(string cell, string exported)
    {
        FormulaGuard.Neutralise(cell).ShouldBe(exported);
        FormulaGuard.Restore(exported).ShouldBe(cell);
    }
}
