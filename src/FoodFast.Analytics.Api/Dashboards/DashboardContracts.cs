using System.Text.Json;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.ServiceData.Dashboards;

namespace FoodFast.Analytics.Api.Dashboards;

/// <summary>What POST and PUT take: the whole dashboard (PUT replaces it).</summary>
/// <param name="ShopId">The shop it belongs to: required for admins, a shop-bound caller's own shop otherwise.</param>
/// <param name="Public">Visible to everyone of the shop (default false: only the owner and admins).</param>
/// <param name="Widgets">In display order; each query as <c>POST /api/v1/analytics/query</c> takes it (its shopId is ignored).</param>
public sealed record SaveDashboardRequest(string? Name, bool? Public, IReadOnlyList<Widget>? Widgets, string? ShopId = null);

/// <param name="ChartType">One of <see cref="DashboardLimits.ChartTypes"/>.</param>
public sealed record Widget(string? Title, string? ChartType, AnalyticsQuery? Query);

/// <param name="Owner">The caller that created it (<c>key:&lt;id&gt;</c> or <c>jwt:&lt;sub&gt;</c>).</param>
/// <param name="Version">Raised by every update; also the ETag. Send it back in If-Match to update only what you read.</param>
public sealed record DashboardResponse(Guid Id, string ShopId, string Name, string Owner, bool Public, IReadOnlyList<Widget> Widgets,
    int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static DashboardResponse From(DashboardRecord d) =>
        new(d.Id, d.ShopId, d.Name, d.Owner, d.IsPublic, ReadWidgets(d.Widgets), d.Version, d.CreatedAt, d.UpdatedAt);

    public static IReadOnlyList<Widget> ReadWidgets(string json) => JsonSerializer.Deserialize<List<Widget>>(json, WireJson.Options) ?? [];
}

/// <summary>Every widget's answer, in the dashboard's order.</summary>
public sealed record DashboardData(Guid Id, string Name, string ShopId, IReadOnlyList<WidgetData> Widgets);

/// <summary>A widget's result, or (when its query could not run) its own problem: the other widgets still answer.</summary>
public sealed record WidgetData(int Index, string? Title, string? ChartType, QueryResult? Result, WidgetProblem? Problem);

/// <summary>An RFC 9457-shaped problem of one widget; <c>errors</c> names the query's fields, as the query endpoint does.</summary>
public sealed record WidgetProblem(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>The bounds of a dashboard.</summary>
public static class DashboardLimits
{
    public const int MaxWidgets = 24;
    public const int MaxNameLength = 100;
    public const int MaxTitleLength = 100;

    public static readonly IReadOnlyList<string> ChartTypes = ["line", "bar", "stacked_bar", "area", "pie", "table", "kpi"];
}
