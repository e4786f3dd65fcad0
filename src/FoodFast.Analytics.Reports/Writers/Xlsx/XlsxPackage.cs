using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Spreadsheet;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Xlsx;

/// <summary>
/// The XLSX zip, written forward only: each part goes into the archive as it is written and is never held in
/// memory. The SDK's own package cannot do this (it needs a readable, seekable package and buffers every part),
/// so the few fixed parts (content types, relationships, workbook) are written here, once the sheets are known.
/// </summary>
internal sealed class XlsxPackage(Stream destination) : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string SheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    private readonly ZipArchive zip = new(destination, ZipArchiveMode.Create, leaveOpen: true);
    private readonly List<string> sheetNames = [];

    public void WriteStyles(Stylesheet stylesheet)
    {
        using var part = zip.CreateEntry("xl/styles.xml", CompressionLevel.Fastest).Open();
        stylesheet.Save(part);
    }

    /// <summary>Starts worksheet number <c>n</c> (from 1) as <c>xl/worksheets/sheet{n}.xml</c>; write and close it before the next.</summary>
    public XlsxSheet AddSheet(string name, IReadOnlyList<double> widths, bool dataSheet, ReportPeriod period)
    {
        sheetNames.Add(name);
        var part = zip.CreateEntry($"xl/worksheets/sheet{sheetNames.Count}.xml", CompressionLevel.Fastest).Open();
        return new XlsxSheet(part, widths, dataSheet, period);
    }

    /// <summary>Writes the workbook and the parts that list the sheets, then closes the archive.</summary>
    public void Finish()
    {
        var count = sheetNames.Count;
        Xml("xl/workbook.xml", xml =>
        {
            xml.WriteStartElement("workbook", Main);
            xml.WriteAttributeString("xmlns", "r", null, DocumentRelationships);
            xml.WriteStartElement("sheets", Main);
            for (var i = 1; i <= count; i++)
            {
                xml.WriteStartElement("sheet", Main);
                xml.WriteAttributeString("name", sheetNames[i - 1]);
                xml.WriteAttributeString("sheetId", $"{i}");
                xml.WriteAttributeString("id", DocumentRelationships, $"rId{i}");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
        Xml("xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            for (var i = 1; i <= count; i++)
            {
                Relationship(xml, $"rId{i}", $"{DocumentRelationships}/worksheet", $"worksheets/sheet{i}.xml");
            }
            Relationship(xml, $"rId{count + 1}", $"{DocumentRelationships}/styles", "styles.xml");
            xml.WriteEndElement();
        });
        Xml("_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            Relationship(xml, "rId1", $"{DocumentRelationships}/officeDocument", "xl/workbook.xml");
            xml.WriteEndElement();
        });
        Xml("[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", ContentTypes);
            ContentType(xml, "Default", "Extension", "rels", "application/vnd.openxmlformats-package.relationships+xml");
            ContentType(xml, "Default", "Extension", "xml", "application/xml");
            ContentType(xml, "Override", "PartName", "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            ContentType(xml, "Override", "PartName", "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= count; i++)
            {
                ContentType(xml, "Override", "PartName", $"/xl/worksheets/sheet{i}.xml", SheetContentType);
            }
            xml.WriteEndElement();
        });
        zip.Dispose();
    }

    public void Dispose() => zip.Dispose();

    private void Xml(string path, Action<XmlWriter> write)
    {
        using var part = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", PackageRelationships);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static void ContentType(XmlWriter xml, string element, string keyName, string key, string contentType)
    {
        xml.WriteStartElement(element, ContentTypes);
        xml.WriteAttributeString(keyName, key);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }
}
