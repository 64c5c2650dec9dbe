using System.IO.Compression;
using System.Security;
using System.Text;
using System.Xml;
using System.Globalization;

namespace Chancery.Web.Common.Import;

/// <summary>An XLSX of one sheet written row by row straight into a zip in create mode: the sheet with
/// a forward-only XmlWriter, the package's few fixed parts by hand. Not Open XML SDK: its
/// SpreadsheetDocument keeps every part it writes in memory until it is saved (dotnet/Open-XML-SDK#807),
/// and its OpenXmlWriter, which streams, builds an element object per cell (200,000 activities took
/// 2.5 minutes here, against seconds for XmlWriter). Every cell is an inline text string in a
/// text-formatted style, so dates and codes come back exactly as exported, and no shared-string
/// table grows with the rows.</summary>
public static class XlsxStreamWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const string HeaderStyle = "1";
    private const string TextStyle = "2";

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
        using var xml = XmlWriter.Create(sheet, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = false });
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", Main);
        // The header row stays in view while scrolling; every column 18 characters wide.
        xml.WriteRaw("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>""");
        xml.WriteRaw($"""<cols><col min="1" max="{Math.Max(1, headers.Count)}" width="18" customWidth="1"/></cols>""");
        xml.WriteStartElement("sheetData", Main);
        var columns = Enumerable.Range(0, headers.Count).Select(ColumnName).ToArray();
        var r = 1;
        WriteRow(xml, r, columns, headers, HeaderStyle);
        await foreach (var row in rows.WithCancellation(ct)) WriteRow(xml, ++r, columns, row, TextStyle);
        xml.WriteEndElement(); // sheetData
        xml.WriteEndElement(); // worksheet
        xml.WriteEndDocument();
    }

    private static void WriteRow(XmlWriter xml, int number, string[] columns, IReadOnlyList<string?> cells, string style)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", n);
        for (var c = 0; c < cells.Count && c < columns.Length; c++)
        {
            var value = XmlSafe(cells[c] ?? "");
            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", columns[c] + n);
            xml.WriteAttributeString("s", style);
            xml.WriteAttributeString("t", "inlineStr");
            xml.WriteStartElement("is", Main);
            xml.WriteStartElement("t", Main);
            if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
                xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(value);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
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
