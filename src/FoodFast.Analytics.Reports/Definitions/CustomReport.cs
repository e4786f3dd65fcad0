using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>Any <see cref="AnalyticsQuery"/> (in <c>parameters.query</c>), checked against the catalogue; the report's period and shop win.</summary>
public sealed class CustomReport : IReportDefinition
{
    public string Kind => "custom";

    public int DefaultDays => 30;

    public IReadOnlyList<FieldProblem> Validate(ReportParameters parameters)
    {
        if (parameters.Query is not { } query)
        {
            return [new("parameters.query", "a custom report needs a query (dataset, metrics, groupBy, ...)")];
        }
        var (from, to) = parameters.Period(DateTimeOffset.UtcNow, DefaultDays);
        var problems = new List<FieldProblem>();
        QueryValidator.Validate(query with { From = from, To = to, TimeZone = parameters.Zone }, problems);
        return problems.Select(p => p with { Field = $"parameters.query.{p.Field}" }).ToList();
    }

    public async Task<ReportDocument> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var query = context.Parameters.Query! with
        {
            From = context.Period.From, To = context.Period.To, TimeZone = context.Period.TimeZone, ShopId = context.ShopId,
        };
        var result = await context.RunAsync(query, cancellationToken);
        return new ReportDocument
        {
            Title = "Custom report",
            ShopId = context.ShopLabel,
            Period = context.Period,
            Parameters = ReportFacts.Describe(context,
                new KeyValuePair<string, string>("Dataset", query.Dataset), new KeyValuePair<string, string>("Metrics", string.Join(", ", query.Metrics)),
                new KeyValuePair<string, string>("Group by", string.Join(", ", query.GroupBy))),
            Tables = [QueryTables.Table("Result", result)],
        };
    }
}
