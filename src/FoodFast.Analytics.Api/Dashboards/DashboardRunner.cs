using FoodFast.Analytics.Core.Queries;

namespace FoodFast.Analytics.Api.Dashboards;

/// <summary>
/// Runs every widget of a dashboard through the <see cref="QueryEngine"/> (and so its cache), at once, on the dashboard's
/// shop. A widget that cannot run answers its own problem; the others are not held back by it.
/// </summary>
internal sealed class DashboardRunner(QueryEngine engine, ILogger<DashboardRunner> logger)
{
    public async Task<IReadOnlyList<WidgetData>> RunAsync(string shopId, IReadOnlyList<Widget> widgets, CancellationToken cancellationToken) =>
        await Task.WhenAll(widgets.Select((widget, index) => RunAsync(shopId, index, widget, cancellationToken)));

    private async Task<WidgetData> RunAsync(string shopId, int index, Widget widget, CancellationToken cancellationToken)
    {
        if (widget.Query is null)
        {
            return Failed(index, widget, new(400, "Invalid query", "The widget has no query."));
        }
        try
        {
            var answer = await engine.RunAsync(widget.Query with { ShopId = shopId }, cancellationToken);
            if (answer.Result is { } result)
            {
                return new WidgetData(index, widget.Title, widget.ChartType, result, null);
            }
            var errors = answer.Problems.GroupBy(p => $"widgets[{index}].query.{p.Field}").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
            return Failed(index, widget, new(400, "Invalid query", string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), errors));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store's own message may hold internals: log it, answer a plain 503 for this widget only.
            logger.LogError(ex, "Widget {Index} of a dashboard of {ShopId} failed", index, shopId);
            return Failed(index, widget, new(503, "Widget unavailable", "The analytics store could not answer this widget's query; the other widgets are unaffected."));
        }
    }

    private static WidgetData Failed(int index, Widget widget, WidgetProblem problem) => new(index, widget.Title, widget.ChartType, null, problem);
}
