using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers;

/// <summary>Renders a <see cref="ReportDocument"/> in one file format, streaming its tables' rows.</summary>
public interface IReportWriter
{
    /// <summary>Format name as users ask for it: <c>csv</c>, <c>xlsx</c>, <c>html</c>, <c>pdf</c>.</summary>
    string Format { get; }

    string ContentType { get; }

    /// <summary>File extension with its dot: <c>.csv</c>.</summary>
    string FileExtension { get; }

    /// <summary>
    /// Writes the document to <paramref name="destination"/> (left open), reading each table's rows once.
    /// Reports progress at least every <see cref="RowProgress.Interval"/> rows and once at the end.
    /// </summary>
    Task WriteAsync(ReportDocument document, Stream destination, IProgress<ReportProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>Rows written so far, over all tables of the report.</summary>
public readonly record struct ReportProgress(long RowsWritten);
