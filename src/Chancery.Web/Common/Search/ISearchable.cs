namespace Chancery.Web.Common.Search;

/// <summary>A record found by the search box. <see cref="SearchText"/> holds its folded names, kept by
/// <see cref="SearchTexts.Refresh"/> (the save interceptor, and bulk imports for the rows they store), so
/// queries compare folded text with a plain LIKE on both database providers.</summary>
public interface ISearchable
{
    string SearchText { get; set; }
    string BuildSearchText();

    /// <summary><see cref="BuildSearchText()"/> folding each part with <paramref name="fold"/> (a bulk
    /// import's <see cref="TextFoldingCache"/>): for records that take one; the others fold as usual.</summary>
    string BuildSearchText(Func<string?, string> fold) => BuildSearchText();
}

/// <summary>The one way a record's search text is kept, whichever path stores it.</summary>
public static class SearchTexts
{
    /// <summary>Sets <see cref="ISearchable.SearchText"/> from the record's current values (only when it
    /// changed, so an unchanged text does not make the record look modified).</summary>
    public static void Refresh(ISearchable record, Func<string?, string>? fold = null)
    {
        var text = fold is null ? record.BuildSearchText() : record.BuildSearchText(fold);
        if (record.SearchText != text) record.SearchText = text;
    }
}
