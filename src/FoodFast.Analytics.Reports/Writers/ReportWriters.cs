namespace FoodFast.Analytics.Reports.Writers;

/// <summary>
/// The writers by format: report jobs (and the requests and schedules that name a format) pick among the report
/// writers; streamed exports among the row-streaming ones. Formats are listed in registration order.
/// </summary>
public sealed class ReportWriters(IEnumerable<IReportWriter> reports, IEnumerable<IRowStreamingWriter> streams)
{
    private readonly IReadOnlyList<IReportWriter> _reports = [.. reports];
    private readonly IReadOnlyList<IRowStreamingWriter> _streams = [.. streams];

    public IReadOnlyList<string> Formats => [.. _reports.Select(w => w.Format)];

    public IReadOnlyList<string> StreamFormats => [.. _streams.Select(w => w.Format)];

    public IReportWriter? Find(string? format) => _reports.FirstOrDefault(w => w.Format == format);

    public IRowStreamingWriter? FindStream(string? format) => _streams.FirstOrDefault(w => w.Format == format);
}
