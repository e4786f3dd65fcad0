using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers.Html;

namespace FoodFast.Analytics.Reports.Writers.Pdf;

/// <summary>The HTML report printed to PDF: same content, same row cap, "Page X of Y" at the foot of each page.</summary>
public sealed class PdfReportWriter(HtmlReportWriter html, IPdfRenderer renderer, string? tempRoot = null) : IReportWriter
{
    public string Format => "pdf";
    public string ContentType => "application/pdf";
    public string FileExtension => ".pdf";

    public async Task WriteAsync(ReportDocument document, Stream destination, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        using var work = new WorkFolder(tempRoot, "ff-report-");
        var htmlPath = work.File("report.html");
        await using (var file = File.Create(htmlPath))
        {
            await html.WriteAsync(document, file, progress, cancellationToken);
        }
        await renderer.RenderAsync(htmlPath, destination, cancellationToken);
    }
}
