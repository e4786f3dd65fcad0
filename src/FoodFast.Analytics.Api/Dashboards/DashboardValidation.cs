using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.Api.Dashboards;

/// <summary>
/// Checks a dashboard before it is saved: name and titles bounded, chart types from the list, and every widget's
/// query through the query model's own <see cref="QueryValidator"/>, its problems named <c>widgets[2].query.metrics[0]</c>.
/// </summary>
internal static class DashboardValidation
{
    public static List<FieldProblem> Check(SaveDashboardRequest request)
    {
        var problems = new List<FieldProblem>();
        CheckText(problems, "name", request.Name, DashboardLimits.MaxNameLength);
        var widgets = request.Widgets ?? [];
        if (widgets.Count > DashboardLimits.MaxWidgets)
        {
            problems.Add(new("widgets", $"holds {widgets.Count} widgets; at most {DashboardLimits.MaxWidgets} are allowed"));
            return problems;
        }
        for (var i = 0; i < widgets.Count; i++)
        {
            var widget = widgets[i];
            if (widget is null)
            {
                problems.Add(new($"widgets[{i}]", "must be an object with title, chartType and query"));
                continue;
            }
            CheckText(problems, $"widgets[{i}].title", widget.Title, DashboardLimits.MaxTitleLength);
            if (widget.ChartType is null || !DashboardLimits.ChartTypes.Contains(widget.ChartType))
            {
                problems.Add(new($"widgets[{i}].chartType", $"'{widget.ChartType}' is not a chart type; valid: {string.Join(", ", DashboardLimits.ChartTypes)}"));
            }
            if (widget.Query is null)
            {
                problems.Add(new($"widgets[{i}].query", "is required: an AnalyticsQuery as POST /api/v1/analytics/query takes it"));
                continue;
            }
            var queryProblems = new List<FieldProblem>();
            QueryValidator.Validate(widget.Query, queryProblems);
            problems.AddRange(queryProblems.Select(p => p with { Field = $"widgets[{i}].query.{p.Field}" }));
        }
        return problems;
    }

    private static void CheckText(List<FieldProblem> problems, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength || !Patterns.IsStorableText(value))
        {
            problems.Add(new(field, $"is required: 1 to {maxLength} characters of valid text"));
        }
    }
}
