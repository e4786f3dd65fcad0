using System.ComponentModel.DataAnnotations;
using FoodFast.Analytics.Reports.Writers.Html;
using FoodFast.Analytics.Reports.Writers.Pdf;
using FoodFast.Analytics.Reports.Writers.Xlsx;

namespace FoodFast.Analytics.Reports;

/// <summary>Settings of report rendering and the report file store (<c>Reports</c>).</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>Data rows per XLSX sheet before the table continues on a new sheet. Default: Excel's maximum, 1,048,575.</summary>
    [Range(1, XlsxReportWriter.ExcelMaxDataRows)]
    public int MaxRowsPerSheet { get; set; } = XlsxReportWriter.ExcelMaxDataRows;

    /// <summary>Rows per table in HTML and PDF reports; the rest are only in CSV/XLSX. Default 10,000.</summary>
    [Range(1, 1_000_000)]
    public int DetailRowLimit { get; set; } = HtmlReportWriter.DefaultDetailRowLimit;

    /// <summary>The Chromium that prints PDFs. Default: Debian's <c>/usr/bin/chromium</c>.</summary>
    [Required]
    public string ChromiumPath { get; set; } = ChromiumPdfRenderer.DefaultExecutablePath;

    /// <summary>Longest a PDF may take to print, in seconds. Default 120.</summary>
    [Range(1, 3600)]
    public int ChromiumTimeoutSeconds { get; set; } = 120;

    /// <summary>Folder of generated report files. Empty (default): <c>.local/reports</c> under the content root.</summary>
    public string FilesRoot { get; set; } = "";
}
