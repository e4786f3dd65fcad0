namespace FoodFast.Analytics.Core.Ingestion.Validation;

/// <summary>
/// Bounds every accepted item must respect. The time window, lines per order and property keys are settings
/// (<c>Ingestion:*</c>, docs/ingestion.md); string lengths are fixed by what the Elasticsearch indices hold whole
/// (keyword <c>ignore_above</c>, the 512-byte document id), so they are not settings.
/// </summary>
public sealed record ValidationRules(DateTimeOffset Now, TimeSpan MaxClockSkew, DateTimeOffset Horizon)
{
    public const int IdLength = 128;
    public const int NameLength = 200;
    public const int TextLength = 256;
    public const int UrlLength = 2048;
    public const int DefaultMaxLinesPerOrder = 5_000;
    public const int DefaultMaxPropertyKeys = 50;
    public const int PropertyKeyLength = 64;
    public const decimal MaxAmount = 999_999_999.99m;

    /// <summary>Money may be off by this much after rounding (a cent).</summary>
    public const decimal Tolerance = 0.01m;

    public int MaxLinesPerOrder { get; init; } = DefaultMaxLinesPerOrder;

    public int MaxPropertyKeys { get; init; } = DefaultMaxPropertyKeys;

    public DateTimeOffset Latest => Now + MaxClockSkew;
}
