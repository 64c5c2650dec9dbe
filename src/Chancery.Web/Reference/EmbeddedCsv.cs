using System.Globalization;
using CsvHelper;

namespace Chancery.Web.Reference;

/// <summary>Reads the reference CSV files compiled into the assembly (Reference/Data/*.csv).</summary>
public static class EmbeddedCsv
{
    public static byte[] Bytes(string fileName)
    {
        using var stream = Open(fileName);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public static List<Dictionary<string, string>> Rows(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var headers = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(headers.ToDictionary(h => h, h => csv.GetField(h) ?? "", StringComparer.OrdinalIgnoreCase));
        return rows;
    }

    private static Stream Open(string fileName)
    {
        var assembly = typeof(EmbeddedCsv).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(name)!;
    }
}
