namespace Chancery.Web.Common.Search;

/// <summary>A record found by the search box. <see cref="SearchText"/> holds its folded names and
/// is refreshed by the save interceptor from <see cref="BuildSearchText"/>, so queries compare
/// folded text with a plain LIKE on both database providers.</summary>
public interface ISearchable
{
    string SearchText { get; set; }
    string BuildSearchText();
}
