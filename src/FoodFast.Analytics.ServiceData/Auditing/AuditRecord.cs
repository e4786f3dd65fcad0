namespace FoodFast.Analytics.ServiceData.Auditing;

/// <summary>A row of <c>audit_log</c>; the outcome is stored as its lower-case name.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    public Guid? KeyId { get; set; }

    public string Action { get; set; } = "";

    public string Resource { get; set; } = "";

    public string? ShopId { get; set; }

    public string Outcome { get; set; } = "";
}
