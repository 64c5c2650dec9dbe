namespace Chancery.Web.Data.Migrations;

/// <summary>SQL (the same on SQLite and PostgreSQL) bringing stored search texts to the word-cut form
/// the search now matches on (<see cref="Common.Search.TextFolding.Words"/>): the usual punctuation
/// becomes a space, spaces single. A record with rarer punctuation gets the exact form when next saved.</summary>
public static class SearchTextWords
{
    private static readonly string[] Punctuation =
        ["-", "(", ")", ",", ".", "/", ";", ":", "\"", "'", "!", "?", "&", "+", "[", "]", "_", "*", "#", "@", "“", "”", "‘", "’", "–", "—"];

    public static string Sql(string table)
    {
        var text = "\"SearchText\"";
        foreach (var p in Punctuation) text = $"REPLACE({text}, '{p.Replace("'", "''")}', ' ')";
        for (var i = 0; i < 4; i++) text = $"REPLACE({text}, '  ', ' ')";
        return $"UPDATE \"{table}\" SET \"SearchText\" = TRIM({text});";
    }

    public static readonly string[] Tables = ["partners", "people", "activities", "units"];
}
