using System.IO.Compression;
using System.Security;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Chancery.Web.Common.Import;

/// <summary>An XLSX of one sheet written row by row: the sheet with Open XML SDK's streaming
/// <see cref="OpenXmlWriter"/>, the package's few fixed parts by hand, straight into a zip in create
/// mode. (SpreadsheetDocument itself keeps every part it writes in memory until it is saved, on .NET as
/// it is: dotnet/Open-XML-SDK#807.) Every cell is an inline text string in a text-formatted style, so
/// dates and codes come back exactly as exported, and no shared-string table grows with the rows.</summary>
public static class XlsxStreamWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;

    public static async Task WriteAsync(ZipArchive zip, string sheetName, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        Part(zip, "[Content_Types].xml", """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Part(zip, "_rels/.rels", $"""
            <Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part(zip, "xl/workbook.xml", $"""
            <workbook xmlns="{Main}" xmlns:r="{OfficeRelationships}"><sheets><sheet name="{SecurityElement.Escape(SheetName(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Part(zip, "xl/_rels/workbook.xml.rels", $"""
            <Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{OfficeRelationships}/styles" Target="styles.xml"/></Relationships>
            """);
        // Style 1: bold (the header); style 2: the text number format "@" (every data cell).
        Part(zip, "xl/styles.xml", $"""
            <styleSheet xmlns="{Main}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """);

        await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(sheet, Encoding.UTF8);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(new Column { Min = 1, Max = (uint)Math.Max(1, headers.Count), Width = 18, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        var columns = Enumerable.Range(0, headers.Count).Select(ColumnName).ToArray();
        uint r = 1;
        WriteRow(writer, r, columns, headers, HeaderStyle);
        await foreach (var row in rows.WithCancellation(ct)) WriteRow(writer, ++r, columns, row, TextStyle);
        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
        writer.Close();
    }

    private static void WriteRow(OpenXmlWriter writer, uint number, string[] columns, IReadOnlyList<string?> cells, uint style)
    {
        writer.WriteStartElement(new Row { RowIndex = number });
        for (var c = 0; c < cells.Count && c < columns.Length; c++)
        {
            var value = XmlSafe(cells[c] ?? "");
            var text = new Text(value);
            if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))) text.Space = SpaceProcessingModeValues.Preserve;
            writer.WriteElement(new Cell(new InlineString(text))
            {
                CellReference = columns[c] + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                StyleIndex = style,
            });
        }
        writer.WriteEndElement();
    }

    /// <summary>A, B … Z, AA, AB …</summary>
    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Sheet names hold at most 31 characters and none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => ":\\/?*[]".IndexOf(ch) < 0).ToArray());
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    /// <summary>XML cannot carry most control characters; the record limits keep them out, but an
    /// export must not fail half-way on one that slipped in.</summary>
    private static string XmlSafe(string value)
    {
        foreach (var ch in value)
        {
            if (!XmlConvert.IsXmlChar(ch) && !char.IsSurrogate(ch)) return new string(value.Where(x => XmlConvert.IsXmlChar(x) || char.IsSurrogate(x)).ToArray());
        }
        return value;
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""");
        writer.Write(xml.Trim());
    }
}
