namespace FoodFast.Analytics.Reports.Writers;

/// <summary>
/// A writer that writes the main table's rows as it reads them, with nothing that needs the whole table (no totals, no
/// charts): an export can stream through it straight from the store (<c>GET /api/v1/export/{what}?stream=true</c>).
/// </summary>
public interface IRowStreamingWriter : IReportWriter;
