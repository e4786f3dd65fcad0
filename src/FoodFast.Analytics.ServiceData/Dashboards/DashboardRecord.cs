namespace FoodFast.Analytics.ServiceData.Dashboards;

/// <summary>A row of <c>dashboards</c>. The API maps it to its own shape.</summary>
public sealed class DashboardRecord
{
    public Guid Id { get; set; }

    public string ShopId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The caller that created it (<c>key:&lt;id&gt;</c> or <c>jwt:&lt;sub&gt;</c>).</summary>
    public string Owner { get; set; } = "";

    /// <summary>Visible to every caller of the shop; otherwise only to the owner and admins.</summary>
    public bool IsPublic { get; set; }

    /// <summary>The ordered widgets as JSON (jsonb), in the API's wire form.</summary>
    public string Widgets { get; set; } = "[]";

    /// <summary>Starts at 1, raised by every update; the ETag, so a stale If-Match is refused.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
