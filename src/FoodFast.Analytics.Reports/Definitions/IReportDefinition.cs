using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>One kind of report: what it reads and how it lays the answer out as a <see cref="ReportDocument"/>.</summary>
public interface IReportDefinition
{
    /// <summary>The kind as clients name it: <c>sales_summary</c>.</summary>
    string Kind { get; }

    /// <summary>Days the period covers when the request gives neither from/to nor days.</summary>
    int DefaultDays { get; }

    /// <summary>Problems beyond the common parameters (the custom query), each naming its field.</summary>
    IReadOnlyList<FieldProblem> Validate(ReportParameters parameters) => [];

    Task<ReportDocument> BuildAsync(ReportContext context, CancellationToken cancellationToken);
}

/// <summary>Everything a definition needs for one run: the shop (null: all shops), the period, and where data comes from.</summary>
public sealed record ReportContext(string? ShopId, ReportPeriod Period, ReportParameters Parameters, QueryEngine Engine, IExportSource Exports)
{
    /// <summary>How far into the period the rows read so far reach (0-1); raw exports move it, the job shows it as progress.</summary>
    public ReadPosition Position { get; } = new();

    /// <summary>Pause per exported row, in milliseconds: 0 except in tests that need a report to take a while.</summary>
    public int RowDelayMilliseconds { get; init; }

    public string ShopLabel => ShopId ?? "all shops";

    public AnalyticsQuery Query(string dataset, params string[] metrics) => new()
    {
        Dataset = dataset, Metrics = metrics, From = Period.From, To = Period.To, TimeZone = Period.TimeZone, ShopId = ShopId,
    };

    /// <summary>Runs a query the definition built; a problem here is a bug in the definition or a bad custom query.</summary>
    public async Task<QueryResult> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var answer = await Engine.RunAsync(query, cancellationToken);
        return answer.Result ?? throw new InvalidOperationException(
            "The report's query is invalid: " + string.Join("; ", answer.Problems.Select(p => $"{p.Field}: {p.Message}")));
    }
}

/// <summary>A fraction written by the row reader and read by the progress heartbeat.</summary>
public sealed class ReadPosition
{
    private double _fraction;

    public double Fraction => Volatile.Read(ref _fraction);

    public void MoveTo(DateTimeOffset at, ReportPeriod period)
    {
        var span = (period.To - period.From).TotalSeconds;
        Volatile.Write(ref _fraction, span <= 0 ? 0 : Math.Clamp((at - period.From).TotalSeconds / span, 0, 1));
    }
}
